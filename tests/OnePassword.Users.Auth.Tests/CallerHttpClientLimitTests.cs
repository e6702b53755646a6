using OnePassword.Users.Runtime;
using OnePassword.Users.Testing;

namespace OnePassword.Users.Auth.Tests;

/// <summary>
/// A provider made with the caller's own <see cref="HttpClient"/> (no SDK handlers on it, no
/// timeout, following redirects as <c>new HttpClient()</c> does) keeps the token request inside
/// the limits of <see cref="TokenCacheOptions"/>, as a client from <c>Create()</c> or DI does.
/// </summary>
public sealed class CallerHttpClientLimitTests
{
    private const string TokenPath = "/oauth2/token";
    private const string TokenJson = """{"access_token":"caller-client-token","token_type":"Bearer","expires_in":900}""";

    [Fact]
    public async Task A_token_body_that_drips_is_cut_off_at_RequestTimeout()
    {
        await using var server = HostileServer.Start(async exchange =>
        {
            await exchange.DripJsonAsync(TokenJson, TimeSpan.FromSeconds(1));
        });
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        await using var provider = Provider(server, http, new TokenCacheOptions { RequestTimeout = TimeSpan.FromSeconds(1), MaxTokenRequestAttempts = 1 });

        var timedOut = await Should.ThrowAsync<ApiTransportException>(() => provider.GetTokenAsync().AsTask());

        timedOut.Failure.ShouldBe(TransportFailure.Timeout);
        timedOut.RequestUri.ShouldBe(new Uri(server.BaseAddress, TokenPath.TrimStart('/')));
        timedOut.Message.ShouldContain("TokenCacheOptions.RequestTimeout");
    }

    [Fact]
    public async Task A_token_body_over_MaxResponseBodySize_is_refused_and_not_read_on()
    {
        await using var server = HostileServer.Start(async exchange =>
        {
            await exchange.HeadAsync(200, ("Content-Type", "application/json"));
            await exchange.StreamFillerAsync(64L * 1024 * 1024);
        });
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        await using var provider = Provider(server, http, new TokenCacheOptions { MaxResponseBodySize = 4096, MaxTokenRequestAttempts = 1 });

        var tooLarge = await Should.ThrowAsync<ResponseTooLargeException>(() => provider.GetTokenAsync().AsTask());

        tooLarge.Limit.ShouldBe(4096);
        tooLarge.ResponseStatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task A_redirect_the_callers_client_followed_gives_no_token()
    {
        await using var elsewhere = HostileServer.Start(exchange => exchange.RespondAsync(200, TokenJson));
        await using var server = HostileServer.Start(exchange => exchange.RedirectAsync(307, new Uri(elsewhere.BaseAddress, "stolen")));
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        await using var provider = Provider(server, http, new TokenCacheOptions { MaxTokenRequestAttempts = 1 });

        var refused = await Should.ThrowAsync<RedirectRefusedException>(() => provider.GetTokenAsync().AsTask());

        refused.Location.ShouldBe(new Uri(elsewhere.BaseAddress, "stolen"));
        refused.Message.ShouldNotContain("caller-client-token");
    }

    private static ClientCredentialsTokenProvider Provider(HostileServer server, HttpClient http, TokenCacheOptions options) =>
        new(new ClientCredentials("caller-client", "caller-secret"), new TokenEndpoint(new Uri(server.BaseAddress, TokenPath.TrimStart('/'))), http, options);
}
