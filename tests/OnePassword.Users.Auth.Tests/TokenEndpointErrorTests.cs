using System.Globalization;
using OnePassword.Users.Auth.Tests.TestSupport;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Auth.Tests;

/// <summary>Token endpoint errors: typed OAuth errors, unreadable bodies, and retries of 429 and 5xx.</summary>
public sealed class TokenEndpointErrorTests
{
    [Fact]
    public async Task Invalid_client_surfaces_as_an_OAuth_error_with_code_description_and_status()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.On(ScriptedServer.TokenPath, Replies.OAuthError(401, "invalid_client", "Client authentication failed"));

        OAuthTokenException error = await Should.ThrowAsync<OAuthTokenException>(harness.Provider.GetTokenAsync().AsTask());

        error.Error.ShouldBe("invalid_client");
        error.ErrorDescription.ShouldBe("Client authentication failed");
        error.StatusCode.ShouldBe(401);
        error.ShouldBeAssignableTo<ApiErrorException>();
        error.Message.ShouldBe($"POST {harness.Server.TokenUri} failed with HTTP 401 (invalid_client): Client authentication failed");
        harness.TokenRequests.Count.ShouldBe(1, "a refused client is not retried");
    }

    [Fact]
    public async Task Invalid_scope_is_a_400_OAuth_error()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.On(ScriptedServer.TokenPath, Replies.OAuthError(400, "invalid_scope", "Only openid is supported"));

        OAuthTokenException error = await Should.ThrowAsync<OAuthTokenException>(harness.Provider.GetTokenAsync().AsTask());

        (error.StatusCode, error.Error, error.ErrorDescription).ShouldBe((400, "invalid_scope", "Only openid is supported"));
    }

    [Fact]
    public async Task A_garbage_body_still_gives_a_clear_error_with_the_status_and_an_excerpt()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.On(ScriptedServer.TokenPath, Replies.With(403, "<html><body>Forbidden by proxy\r\n</body></html>", "text/html"));

        OAuthTokenException error = await Should.ThrowAsync<OAuthTokenException>(harness.Provider.GetTokenAsync().AsTask());

        error.StatusCode.ShouldBe(403);
        error.Error.ShouldBeNull();
        error.RawBody.ShouldBe("<html><body>Forbidden by proxy\r\n</body></html>");
        error.Message.ShouldContain("HTTP 403");
        error.Message.ShouldContain("""starts: "<html><body>Forbidden by proxy\r\n</body></html>""");
    }

    [Theory]
    [InlineData("""{"token_type":"Bearer","expires_in":900}""", "access_token is missing")]
    [InlineData("""{"access_token":"tok-secret-value","token_type":"mac","expires_in":900}""", "not \"Bearer\"")]
    [InlineData("""{"access_token":"tok-secret-value","token_type":"Bearer","expires_in":-5}""", "not a positive number of seconds")]
    [InlineData("""{"access_token":"tok secret value","token_type":"Bearer"}""", "cannot be sent in an Authorization header")]
    [InlineData("not json at all", "the body is not JSON")]
    public async Task A_success_response_without_a_usable_token_is_an_error_that_never_quotes_a_token(string body, string reason)
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.On(ScriptedServer.TokenPath, Replies.With(200, body));

        OAuthTokenException error = await Should.ThrowAsync<OAuthTokenException>(harness.Provider.GetTokenAsync().AsTask());

        error.StatusCode.ShouldBe(200);
        error.Message.ShouldContain(reason);
        error.Message.ShouldNotContain("secret");
        (error.RawBody ?? string.Empty).ShouldNotContain("secret");
    }

    [Fact]
    public async Task Status_429_and_503_are_retried_honouring_retry_after_then_the_token_is_returned()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        string inSevenSeconds = (ObservedTimeProvider.DefaultStart + TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(7)).ToString("R", CultureInfo.InvariantCulture);
        harness.Server.On(
            ScriptedServer.TokenPath,
            Replies.With(429, """{"code":8,"message":"rate limited"}""", "application/json", ("Retry-After", "2")),
            Replies.With(503, "upstream down", "text/plain", ("Retry-After", inSevenSeconds)),
            Replies.With(503, "still down", "text/plain"),
            Replies.Token("token-1"));

        Task<AccessToken> token = harness.Provider.GetTokenAsync().AsTask();

        (await harness.Clock.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(2), "Retry-After in seconds");
        harness.Clock.Advance(TimeSpan.FromSeconds(2));
        (await harness.Clock.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(7), "Retry-After as an HTTP-date");
        harness.Clock.Advance(TimeSpan.FromSeconds(7));
        TimeSpan backoff = await harness.Clock.NextTimerAsync();
        backoff.ShouldBeInRange(TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(2000), "third try: between half and all of 500 ms × 2²");
        harness.Clock.Advance(backoff);

        (await Eventually.Within(token)).Value.ShouldBe("token-1");
        harness.TokenRequests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Backoff_without_retry_after_grows_exponentially_within_its_jitter_bounds()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(new TokenCacheOptions { MaxTokenRequestAttempts = 4, RetryBaseDelay = TimeSpan.FromMilliseconds(100) });
        harness.Server.On(ScriptedServer.TokenPath, Replies.With(500, "boom"), Replies.With(502, "boom"), Replies.With(504, "boom"), Replies.Token("token-1"));

        Task<AccessToken> token = harness.Provider.GetTokenAsync().AsTask();
        foreach (int ceiling in new[] { 100, 200, 400 })
        {
            TimeSpan wait = await harness.Clock.NextTimerAsync();
            wait.ShouldBeInRange(TimeSpan.FromMilliseconds(ceiling / 2.0), TimeSpan.FromMilliseconds(ceiling));
            harness.Clock.Advance(wait);
        }

        (await Eventually.Within(token)).Value.ShouldBe("token-1");
    }

    [Fact]
    public async Task After_the_last_attempt_the_last_error_is_thrown()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(new TokenCacheOptions { MaxTokenRequestAttempts = 2 });
        harness.Server.Always(ScriptedServer.TokenPath, Replies.With(503, "down", "text/plain", ("Retry-After", "1")));

        Task<AccessToken> token = harness.Provider.GetTokenAsync().AsTask();
        harness.Clock.Advance(await harness.Clock.NextTimerAsync());

        OAuthTokenException error = await Should.ThrowAsync<OAuthTokenException>(Eventually.Within(token));
        error.StatusCode.ShouldBe(503);
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        harness.TokenRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_maximum_delay_is_not_waited_for()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(new TokenCacheOptions { RetryMaxDelay = TimeSpan.FromSeconds(10) });
        harness.Server.On(ScriptedServer.TokenPath, Replies.OAuthError(429, "slow_down", "Too many requests", ("Retry-After", "3600")));

        OAuthTokenException error = await Should.ThrowAsync<OAuthTokenException>(harness.Provider.GetTokenAsync().AsTask());

        error.StatusCode.ShouldBe(429);
        error.RetryAfter.ShouldBe(TimeSpan.FromHours(1));
        harness.TokenRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_connection_failure_is_retried()
    {
        ScriptedServer down = await ScriptedServer.StartAsync();
        Uri deadUri = down.TokenUri;
        await down.DisposeAsync();
        var clock = new ObservedTimeProvider { Unreported = new TokenCacheOptions().RequestTimeout };
        using var http = new HttpClient();
        await using var provider = new ClientCredentialsTokenProvider(
            new ClientCredentials("id", "secret-value"), new TokenEndpoint(deadUri), http, new TokenCacheOptions { MaxTokenRequestAttempts = 2 }, clock);

        Task<AccessToken> token = provider.GetTokenAsync().AsTask();
        clock.Advance(await clock.NextTimerAsync());

        ApiTransportException failure = await Should.ThrowAsync<ApiTransportException>(Eventually.Within(token));
        failure.Failure.ShouldBe(TransportFailure.ConnectionFailed);
        failure.Attempts.ShouldBe(2);
        failure.RequestMethod.ShouldBe("POST");
        failure.RequestUri.ShouldBe(deadUri);
        failure.Message.ShouldStartWith($"POST {deadUri}: could not connect");
    }
}
