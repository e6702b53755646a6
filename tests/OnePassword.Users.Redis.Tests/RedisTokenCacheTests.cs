using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OnePassword.Users.Runtime;
using StackExchange.Redis;

namespace OnePassword.Users.Redis.Tests;

/// <summary>The fleet's token in Redis: one request serves every process, encrypted, dropped fleet-wide on a 401, never reused across a new secret.</summary>
public sealed class RedisTokenCacheTests(RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly string _prefix = "test-" + Support.UniqueKey();
    private int _tokenRequests;
    private HostileServer _tokenServer = null!;

    public Task InitializeAsync()
    {
        _tokenServer = HostileServer.Start(exchange =>
        {
            int n = Interlocked.Increment(ref _tokenRequests);
            return exchange.RespondAsync(200, $$"""{"access_token":"fleet-token-{{n}}-{{Guid.NewGuid():N}}","token_type":"Bearer","expires_in":900}""");
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _tokenServer.DisposeAsync();

    private ClientCredentialsTokenProvider Provider(string secret = "secret-one", byte[]? key = null, ILogger? logger = null, IConnectionMultiplexer? connection = null)
    {
        var coordination = new RedisCoordination(connection ?? redis.Connection, new RedisCoordinationOptions { KeyPrefix = _prefix, TokenEncryptionKey = key ?? _key });
        return new ClientCredentialsTokenProvider(
            new ClientCredentials("fleet-client", secret),
            new TokenEndpoint(new Uri(_tokenServer.BaseAddress, "token"), new Uri(_tokenServer.BaseAddress, "revoke")),
            new HttpClient(),
            new TokenCacheOptions(),
            TimeProvider.System,
            logger,
            ApiTelemetry.Shared,
            coordination.TokenCache);
    }

    [Fact]
    public async Task Processes_with_the_same_credentials_make_one_token_request_between_them()
    {
        await using var first = Provider();
        await using var second = Provider();
        await using var third = Provider();

        AccessToken[] tokens = await Task.WhenAll(first.GetTokenAsync().AsTask(), second.GetTokenAsync().AsTask(), third.GetTokenAsync().AsTask());

        tokens.Select(token => token.Value).Distinct().ShouldHaveSingleItem();
        _tokenRequests.ShouldBe(1);
    }

    [Fact]
    public async Task The_token_is_stored_encrypted_and_a_wrong_key_reads_nothing()
    {
        await using var first = Provider();
        AccessToken token = await first.GetTokenAsync();

        RedisKey[] keys = redis.Server.IsRunning ? [.. redis.Connection.GetServer(redis.Connection.GetEndPoints()[0]).Keys(pattern: _prefix + ":token:*")] : [];
        keys.ShouldNotBeEmpty();
        foreach (RedisKey key in keys)
        {
            string stored = (await redis.Connection.GetDatabase().StringGetAsync(key)).ToString();
            stored.ShouldNotContain(token.Value);
            stored.ShouldNotContain("secret-one");
        }

        await using var otherKey = Provider(key: RandomNumberGenerator.GetBytes(32));
        (await otherKey.GetTokenAsync()).Value.ShouldNotBe(token.Value);
        _tokenRequests.ShouldBe(2);
        (await redis.Connection.GetDatabase().KeyTimeToLiveAsync(keys.Single(key => !key.ToString().EndsWith(":lock", StringComparison.Ordinal))))!.Value
            .ShouldBeInRange(TimeSpan.FromSeconds(800), TimeSpan.FromSeconds(871), "the value is gone before the 900-second token expires");
    }

    [Fact]
    public async Task A_rotated_secret_never_meets_the_old_token()
    {
        await using var before = Provider(secret: "secret-one");
        await using var after = Provider(secret: "secret-two");

        AccessToken old = await before.GetTokenAsync();
        AccessToken rotated = await after.GetTokenAsync();

        rotated.Value.ShouldNotBe(old.Value);
        _tokenRequests.ShouldBe(2);
    }

    [Fact]
    public async Task A_401_in_one_process_drops_the_token_for_the_whole_fleet()
    {
        await using var first = Provider();
        AccessToken rejected = await first.GetTokenAsync();

        first.Invalidate(rejected);
        await Task.Delay(200);
        await using var second = Provider();
        AccessToken renewed = await second.GetTokenAsync();

        renewed.Value.ShouldNotBe(rejected.Value);
        (await first.GetTokenAsync()).Value.ShouldBe(renewed.Value);
        _tokenRequests.ShouldBe(2);
    }

    [Fact]
    public async Task A_shared_token_is_not_revoked_when_one_process_stops()
    {
        await using (var first = Provider())
        {
            await first.GetTokenAsync();
        }

        _tokenServer.Requests.ShouldNotContain(request => request.Target == "/revoke");
    }

    [Fact]
    public async Task Without_redis_each_process_asks_for_its_own_token_and_says_why()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await server.StopAsync();
        using ConnectionMultiplexer down = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        var logs = new FakeLogCollector();

        await using var provider = Provider(logger: new FakeLogger(logs), connection: down);
        AccessToken token = await provider.GetTokenAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        token.Value.ShouldStartWith("fleet-token-");
        logs.GetSnapshot().ShouldContain(record => record.Id.Id == 6004);
    }
}
