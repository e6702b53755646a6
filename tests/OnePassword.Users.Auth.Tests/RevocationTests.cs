using OnePassword.Users.Auth.Tests.TestSupport;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Auth.Tests;

/// <summary>Token revocation (RFC 7009), explicit and on dispose.</summary>
public sealed class RevocationTests
{
    [Fact]
    public async Task Revoke_posts_the_token_with_basic_authentication_and_forgets_it()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
        harness.Server.On(ScriptedServer.RevokePath, Replies.Empty());
        await harness.Provider.GetTokenAsync();

        await harness.Provider.RevokeAsync();

        RecordedRequest revoke = harness.Server.RequestsTo(ScriptedServer.RevokePath).ShouldHaveSingleItem();
        revoke.Method.ShouldBe("POST");
        revoke.Header("Content-Type").ShouldBe("application/x-www-form-urlencoded");
        revoke.BasicCredentials.ShouldBe((AuthHarness.ClientId, AuthHarness.Secret));
        revoke.Form["token"].ShouldBe("token-1");
        (await harness.Provider.GetTokenAsync()).Value.ShouldBe("token-2", "the revoked token is not served again");
    }

    [Fact]
    public async Task Revoke_refused_with_401_is_an_OAuth_error_and_keeps_the_token()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
        harness.Server.On(ScriptedServer.RevokePath, Replies.OAuthError(401, "invalid_client", "Client authentication failed"));
        await harness.Provider.GetTokenAsync();

        OAuthTokenException error = await Should.ThrowAsync<OAuthTokenException>(harness.Provider.RevokeAsync());

        (error.StatusCode, error.Error).ShouldBe((401, "invalid_client"));
        (await harness.Provider.GetTokenAsync()).Value.ShouldBe("token-1");
    }

    [Fact]
    public async Task Revoke_without_a_cached_token_sends_nothing()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();

        await harness.Provider.RevokeAsync();

        harness.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Revoke_without_a_revocation_uri_says_so()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(withRevocation: false);

        InvalidOperationException error = await Should.ThrowAsync<InvalidOperationException>(harness.Provider.RevokeAsync());

        error.Message.ShouldContain("has no revocation URI");
    }

    [Fact]
    public async Task Dispose_revokes_the_live_token_and_later_calls_fail_as_disposed()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.On(ScriptedServer.TokenPath, Replies.Token("token-1"));
        harness.Server.On(ScriptedServer.RevokePath, Replies.Empty());
        await harness.Provider.GetTokenAsync();

        await harness.Provider.DisposeAsync();

        harness.Server.RequestsTo(ScriptedServer.RevokePath).ShouldHaveSingleItem().Form["token"].ShouldBe("token-1");
        await Should.ThrowAsync<ObjectDisposedException>(async () => await harness.Provider.GetTokenAsync());
        await harness.Provider.DisposeAsync();
        harness.Server.RequestsTo(ScriptedServer.RevokePath).Count.ShouldBe(1, "a second dispose does nothing");
    }

    [Fact]
    public async Task Dispose_never_throws_when_the_revocation_endpoint_is_down()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.On(ScriptedServer.TokenPath, Replies.Token("token-1"));
        await harness.Provider.GetTokenAsync();
        await harness.Server.DisposeAsync();

        await Should.NotThrowAsync(harness.Provider.DisposeAsync().AsTask());

        harness.Logged(1007).ShouldBeTrue("TokenRevocationFailed");
    }

    [Fact]
    public async Task Dispose_gives_up_on_a_hanging_revocation_after_the_timeout()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(new TokenCacheOptions { RevocationTimeout = TimeSpan.FromSeconds(3) });
        var never = new TaskCompletionSource();
        harness.Server.On(ScriptedServer.TokenPath, Replies.Token("token-1"));
        harness.Server.On(ScriptedServer.RevokePath, Replies.After(never.Task, Replies.Empty()));
        await harness.Provider.GetTokenAsync();

        Task disposing = harness.Provider.DisposeAsync().AsTask();
        (await harness.Clock.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(3));
        await harness.Server.WaitForRequestsAsync(ScriptedServer.RevokePath, 1);
        disposing.IsCompleted.ShouldBeFalse();
        harness.Clock.Advance(TimeSpan.FromSeconds(3));

        await Should.NotThrowAsync(Eventually.Within(disposing.ContinueWith(_ => true, TaskScheduler.Default)));
        disposing.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task Dispose_with_a_request_in_flight_fails_its_waiters_instead_of_leaving_them_hanging()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        var never = new TaskCompletionSource();
        harness.Server.On(ScriptedServer.TokenPath, Replies.After(never.Task, Replies.Token("token-1")));
        Task<AccessToken> waiting = harness.Provider.GetTokenAsync().AsTask();
        await harness.Server.WaitForRequestsAsync(ScriptedServer.TokenPath, 1);

        await harness.Provider.DisposeAsync();

        await Should.ThrowAsync<OperationCanceledException>(Eventually.Within(waiting));
    }
}
