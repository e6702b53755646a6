using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OnePassword.Users.Redis;
using OnePassword.Users.Runtime;
using OnePassword.Users.Testing;
using StackExchange.Redis;

namespace OnePassword.Users.Benchmarks;

/// <summary>
/// What fleet coordination costs per call, on a real redis-server over loopback: a get-user
/// through <c>Create()</c>'s pipeline with the in-process limiter, with the Redis limiter (one
/// script round trip per permit), and with the Redis limiter and token cache together; and what a
/// worker pays to take the fleet's token from Redis (a read and an AES-GCM decryption) against a
/// hit in its own memory.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CoordinationBenchmarks
{
    private const string Account = "ACCOUNT123";
    private const string User = "IR7VJHJ36JHINBFAD7V2T5MP3E";
    private static readonly Uri BaseUrl = new("https://api.1password.com/");
    private readonly byte[] _user = Payloads.User(7);
    private RedisServer _server = null!;
    private ConnectionMultiplexer _redis = null!;
    private UsersApiClient _local = null!;
    private UsersApiClient _redisLimiter = null!;
    private UsersApiClient _redisBoth = null!;
    private ClientCredentialsTokenProvider _localTokens = null!;
    private IAccessTokenCache _tokenCache = null!;
    private string _tokenKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = RedisServer.StartAsync().GetAwaiter().GetResult();
        _redis = ConnectionMultiplexer.Connect(_server.Configuration);
        var handler = new InMemoryHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/oauth2/token", StringComparison.Ordinal) ? Payloads.Token : _user);
        byte[] encryptionKey = RandomNumberGenerator.GetBytes(32);

        _local = Client(handler, coordination: null, "local");
        _redisLimiter = Client(handler, new RedisCoordination(_redis, new RedisCoordinationOptions { KeyPrefix = "bench-limiter" }), "redis-limiter");
        _redisBoth = Client(handler, new RedisCoordination(_redis, new RedisCoordinationOptions { KeyPrefix = "bench-both", TokenEncryptionKey = encryptionKey }), "redis-both");

        _localTokens = new ClientCredentialsTokenProvider(
            new ClientCredentials("benchmark-client", "benchmark-secret"),
            new TokenEndpoint(new Uri(BaseUrl, "v1beta1/users/oauth2/token"), new Uri(BaseUrl, "v1beta1/users/oauth2/revoke")),
            new HttpClient(handler),
            new TokenCacheOptions());
        _ = _localTokens.GetTokenAsync().AsTask().GetAwaiter().GetResult();

        _tokenCache = new RedisCoordination(_redis, new RedisCoordinationOptions { KeyPrefix = "bench-cache", TokenEncryptionKey = encryptionKey }).TokenCache!;
        _tokenKey = "benchmark-client";
        var token = new AccessToken("benchmark-token-0123456789", DateTimeOffset.UtcNow.AddHours(1));
        _tokenCache.SetAsync(_tokenKey, new CachedAccessToken(token, DateTimeOffset.UtcNow), default).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _local.Dispose();
        _redisLimiter.Dispose();
        _redisBoth.Dispose();
        _localTokens.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _redis.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "GetUser via Create(): in-process limiter")]
    [BenchmarkCategory("Limiter")]
    public async Task<string> LocalLimiter() => (await _local.Accounts[Account].Users[User].GetAsync()).Email!;

    [Benchmark(Description = "GetUser via Create(): Redis limiter")]
    [BenchmarkCategory("Limiter")]
    public async Task<string> RedisLimiter() => (await _redisLimiter.Accounts[Account].Users[User].GetAsync()).Email!;

    [Benchmark(Description = "GetUser via Create(): Redis limiter + Redis token cache")]
    [BenchmarkCategory("Limiter")]
    public async Task<string> RedisLimiterAndTokenCache() => (await _redisBoth.Accounts[Account].Users[User].GetAsync()).Email!;

    [Benchmark(Baseline = true, Description = "Token: hit in the process's own cache")]
    [BenchmarkCategory("Token")]
    public async Task<string> TokenFromMemory() => (await _localTokens.GetTokenAsync()).TokenType;

    [Benchmark(Description = "Token: the fleet's token from Redis (read + AES-GCM)")]
    [BenchmarkCategory("Token")]
    public async Task<string> TokenFromRedis() => (await _tokenCache.GetAsync(_tokenKey, default))!.Token.TokenType;

    private static UsersApiClient Client(HttpMessageHandler handler, ClientCoordination? coordination, string name) => UsersApiClient.Create(new ApiClientOptions
    {
        ClientId = "benchmark-client",
        ClientSecret = "benchmark-secret",
        BaseUrl = BaseUrl,
        Transport = handler,
        Name = name,
        Coordination = coordination,

        // A budget no benchmark can spend: every call still takes a permit from the limiter under test.
        RateLimit = new RateLimitOptions { Rules = [new RateLimitRule(1_000_000, TimeSpan.FromSeconds(1))] },
    });
}
