using OnePassword.Users.Hardening.Tests.Support;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hardening.Tests;

/// <summary>Every response body is read against a limit; going over it is a typed error, never an overflow or a pre-allocation.</summary>
[Collection(MeasuredAlone.Name)]
public sealed class SizeLimitTests
{
    private const string Token = "size-token";
    private const long TwoGigabytes = 2L * 1024 * 1024 * 1024;

    // A 64 MiB allowance for the whole call: far below any of the bodies the server offers.
    private const long AllocationAllowance = 64L * 1024 * 1024;

    private static readonly Lazy<byte[]> s_gzipBomb = new(() => HostileExchange.GzipOfZeros(256L * 1024 * 1024));

    [Fact]
    public async Task An_endless_body_stops_at_the_limit_without_taking_the_memory()
    {
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, async exchange =>
        {
            await exchange.HeadAsync(200, ("Content-Type", "application/json"));
            await exchange.StreamFillerAsync(TwoGigabytes);
        }));
        await using var client = HostileApi.Create(api);
        await client.Accounts[HostileApi.AccountId].Users.GetAsync(q => q.QueryParameters.MaxPageSize = 1).ShouldThrowAsync<Exception>(); // warms the token
        long before = GC.GetTotalAllocatedBytes(precise: true);

        var tooLarge = await Should.ThrowAsync<ResponseTooLargeException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        tooLarge.Limit.ShouldBe(ApiClientOptions.DefaultMaxResponseBodySize);
        tooLarge.DeclaredLength.ShouldBeNull();
        tooLarge.ResponseStatusCode.ShouldBe(200);
        tooLarge.Message.ShouldBe($"GET {api.BaseAddress}v1beta1/accounts/ACCOUNT/users/USER answered HTTP 200 with a body of more than 4194304 bytes, the limit; reading stopped there");
        (GC.GetTotalAllocatedBytes(precise: true) - before).ShouldBeLessThan(AllocationAllowance);
    }

    [Fact]
    public async Task A_gzip_bomb_is_counted_in_decompressed_bytes()
    {
        byte[] bomb = s_gzipBomb.Value;
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, async exchange =>
        {
            await exchange.HeadAsync(200, ("Content-Type", "application/json"), ("Content-Encoding", "gzip"), ("Content-Length", bomb.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await exchange.WriteAsync(bomb);
        }));
        await using var client = HostileApi.Create(api);

        var tooLarge = await Should.ThrowAsync<ResponseTooLargeException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        bomb.Length.ShouldBeLessThan(ApiClientOptions.DefaultMaxResponseBodySize, "the compressed body alone is within the limit");
        tooLarge.Limit.ShouldBe(ApiClientOptions.DefaultMaxResponseBodySize);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_reading_and_nothing_is_allocated_from_it()
    {
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, async exchange =>
        {
            await exchange.HeadAsync(200, ("Content-Type", "application/json"), ("Content-Length", "2000000000"));
            await exchange.WriteAsync("{\"id\":");
            await Task.Delay(TimeSpan.FromSeconds(30), exchange.Stopping);
        }));
        await using var client = HostileApi.Create(api, options => options.CallTimeout = TimeSpan.FromSeconds(10));
        long before = GC.GetTotalAllocatedBytes(precise: true);

        var tooLarge = await Should.ThrowAsync<ResponseTooLargeException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        tooLarge.DeclaredLength.ShouldBe(2_000_000_000);
        tooLarge.Message.ShouldEndWith("declaring a body of 2000000000 bytes, more than the limit of 4194304; nothing was read");
        (GC.GetTotalAllocatedBytes(precise: true) - before).ShouldBeLessThan(AllocationAllowance);
    }

    [Fact]
    public async Task The_limit_can_be_set_and_applies_to_error_bodies_too()
    {
        string big = new('x', 5000);
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, exchange => exchange.Request.Target.EndsWith(":suspend", StringComparison.Ordinal)
            ? exchange.RespondAsync(500, big, "text/html")
            : exchange.RespondAsync(200, HostileApi.UserJson())));
        await using var client = HostileApi.Create(api, options => options.MaxResponseBodySize = 4096);

        (await client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync()).Id.ShouldBe(HostileApi.UserId);
        var tooLarge = await Should.ThrowAsync<ResponseTooLargeException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].Suspend.PostAsync());

        tooLarge.Limit.ShouldBe(4096);
        tooLarge.ResponseStatusCode.ShouldBe(500);
        tooLarge.DeclaredLength.ShouldBe(5000);
    }

    [Fact]
    public async Task A_token_response_has_its_own_small_limit()
    {
        string padded = HostileApi.TokenJson(Token).Replace("\"Bearer\"", "\"Bearer\",\"padding\":\"" + new string('p', 70 * 1024) + "\"", StringComparison.Ordinal);
        await using var api = HostileServer.Start(exchange => exchange.RespondAsync(200, exchange.Request.Target == HostileApi.TokenPath ? padded : HostileApi.UserJson()));
        await using var client = HostileApi.Create(api);

        var tooLarge = await Should.ThrowAsync<ResponseTooLargeException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        tooLarge.Limit.ShouldBe(64 * 1024);
        tooLarge.RequestUri.ShouldBe(new Uri(api.BaseAddress, HostileApi.TokenPath.TrimStart('/')));
        tooLarge.Message.ShouldNotContain(Token);
    }

    [Fact]
    public void A_limit_below_one_kilobyte_is_refused_with_the_option_named()
    {
        Should.Throw<ArgumentException>(() => UsersApiClient.Create(new ApiClientOptions { ClientId = "a", ClientSecret = "b", BaseUrl = new Uri("http://127.0.0.1:9/"), MaxResponseBodySize = 10 }))
            .Message.ShouldContain("ApiClientOptions.MaxResponseBodySize");
    }
}
