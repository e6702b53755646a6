using OnePassword.Users.Auth.Tests.TestSupport;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Auth.Tests;

/// <summary>Caching, proactive refresh and single flight of the token provider.</summary>
public sealed class TokenCachingTests
{
    private static readonly TimeSpan s_justBefore = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task A_cached_token_is_served_without_another_request_until_its_refresh_point()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(new TokenCacheOptions { Jitter = 0 });
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());

        (await harness.Provider.GetTokenAsync()).Value.ShouldBe("token-1");
        harness.Clock.SetSinceStart(TimeSpan.FromSeconds(720) - s_justBefore);
        (await harness.Provider.GetTokenAsync()).Value.ShouldBe("token-1");
        (await harness.Provider.GetTokenAsync()).Value.ShouldBe("token-1");

        harness.TokenRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Without_jitter_the_refresh_starts_at_exactly_80_percent_of_the_lifetime()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(new TokenCacheOptions { Jitter = 0 });
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
        await harness.Provider.GetTokenAsync();

        harness.Clock.SetSinceStart(TimeSpan.FromSeconds(720) - s_justBefore);
        await harness.Provider.GetTokenAsync();
        harness.TokenRequests.Count.ShouldBe(1);

        harness.Clock.SetSinceStart(TimeSpan.FromSeconds(720));
        (await harness.Provider.GetTokenAsync()).Value.ShouldBe("token-1", "the current token is served while the refresh runs");
        harness.TokenRequests.Count.ShouldBe(2);
        await Eventually.TokenAsync(harness.Provider, "token-2");
    }

    [Theory]
    [InlineData(0.8, 0.05, 675, 765)]
    [InlineData(0.5, 0.1, 360, 540)]
    public async Task With_jitter_the_refresh_starts_within_the_jittered_window(double fraction, double jitter, int earliestSeconds, int latestSeconds)
    {
        for (int run = 0; run < 5; run++)
        {
            await using AuthHarness harness = await AuthHarness.StartAsync(new TokenCacheOptions { RefreshAtLifetimeFraction = fraction, Jitter = jitter });
            harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
            await harness.Provider.GetTokenAsync();

            harness.Clock.SetSinceStart(TimeSpan.FromSeconds(earliestSeconds) - s_justBefore);
            await harness.Provider.GetTokenAsync();
            harness.TokenRequests.Count.ShouldBe(1, $"no refresh before {earliestSeconds} s");

            harness.Clock.SetSinceStart(TimeSpan.FromSeconds(latestSeconds));
            (await harness.Provider.GetTokenAsync()).Value.ShouldBe("token-1");
            harness.TokenRequests.Count.ShouldBe(2, $"a refresh by {latestSeconds} s");
        }
    }

    [Fact]
    public async Task Very_short_lived_tokens_are_refreshed_at_half_their_life_rather_than_on_every_call()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(new TokenCacheOptions { Jitter = 0 });
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens(expiresIn: 20));
        await harness.Provider.GetTokenAsync();

        harness.Clock.SetSinceStart(TimeSpan.FromSeconds(10) - s_justBefore);
        await harness.Provider.GetTokenAsync();
        harness.TokenRequests.Count.ShouldBe(1);

        harness.Clock.SetSinceStart(TimeSpan.FromSeconds(10));
        await harness.Provider.GetTokenAsync();
        harness.TokenRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_current_token_is_served_while_a_refresh_is_held_up_and_the_new_one_after()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(new TokenCacheOptions { Jitter = 0 });
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Server.On(ScriptedServer.TokenPath, Replies.Token("token-1"), Replies.After(release.Task, Replies.Token("token-2")));
        await harness.Provider.GetTokenAsync();

        harness.Clock.SetSinceStart(TimeSpan.FromSeconds(800));
        (await harness.Provider.GetTokenAsync()).Value.ShouldBe("token-1");
        await harness.Server.WaitForRequestsAsync(ScriptedServer.TokenPath, 2);
        for (int i = 0; i < 10; i++)
        {
            (await harness.Provider.GetTokenAsync()).Value.ShouldBe("token-1");
        }

        harness.TokenRequests.Count.ShouldBe(2, "callers join the refresh in flight instead of starting more");
        release.SetResult();
        await Eventually.TokenAsync(harness.Provider, "token-2");
    }

    [Fact]
    public async Task Once_the_token_has_expired_callers_wait_for_the_new_one()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Server.On(ScriptedServer.TokenPath, Replies.Token("token-1"), Replies.After(release.Task, Replies.Token("token-2")));
        await harness.Provider.GetTokenAsync();

        harness.Clock.SetSinceStart(TimeSpan.FromSeconds(900));
        Task<AccessToken> first = harness.Provider.GetTokenAsync().AsTask();
        Task<AccessToken> second = harness.Provider.GetTokenAsync().AsTask();
        await harness.Server.WaitForRequestsAsync(ScriptedServer.TokenPath, 2);
        first.IsCompleted.ShouldBeFalse("an expired token must not be served");
        second.IsCompleted.ShouldBeFalse();

        release.SetResult();
        (await Eventually.Within(first)).Value.ShouldBe("token-2");
        (await Eventually.Within(second)).Value.ShouldBe("token-2");
        harness.TokenRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Two_hundred_concurrent_callers_on_a_cold_start_cause_exactly_one_token_request()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Server.Always(ScriptedServer.TokenPath, Replies.After(release.Task, Replies.NumberedTokens()));

        Task<AccessToken>[] callers = [.. Enumerable.Range(0, 200).Select(_ => Task.Run(() => harness.Provider.GetTokenAsync().AsTask()))];
        await harness.Server.WaitForRequestsAsync(ScriptedServer.TokenPath, 1);
        release.SetResult();
        AccessToken[] tokens = await Eventually.Within(Task.WhenAll(callers));

        tokens.Select(token => token.Value).Distinct().ShouldBe(["token-1"]);
        harness.TokenRequests.Count.ShouldBe(1);
        harness.Server.RequestsTo(ScriptedServer.TokenPath).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_request_fails_every_waiter_of_that_attempt_and_the_next_call_tries_again()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Server.On(
            ScriptedServer.TokenPath,
            Replies.After(release.Task, Replies.OAuthError(401, "invalid_client", "Client authentication failed")),
            Replies.Token("token-1"));

        Task<AccessToken>[] waiters = [.. Enumerable.Range(0, 20).Select(_ => Task.Run(() => harness.Provider.GetTokenAsync().AsTask()))];
        await harness.Server.WaitForRequestsAsync(ScriptedServer.TokenPath, 1);
        release.SetResult();
        foreach (Task<AccessToken> waiter in waiters)
        {
            (await Should.ThrowAsync<OAuthTokenException>(Eventually.Within(waiter))).Error.ShouldBe("invalid_client");
        }

        (await harness.Provider.GetTokenAsync()).Value.ShouldBe("token-1");
        harness.TokenRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_caller_that_cancels_stops_waiting_without_cancelling_the_shared_request()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Server.On(ScriptedServer.TokenPath, Replies.After(release.Task, Replies.Token("token-1")));

        using var cancel = new CancellationTokenSource();
        Task<AccessToken> impatient = harness.Provider.GetTokenAsync(cancel.Token).AsTask();
        Task<AccessToken> patient = harness.Provider.GetTokenAsync().AsTask();
        await harness.Server.WaitForRequestsAsync(ScriptedServer.TokenPath, 1);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(impatient);
        release.SetResult();
        (await Eventually.Within(patient)).Value.ShouldBe("token-1");
        harness.TokenRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Invalidate_drops_the_current_token_but_ignores_one_that_was_already_replaced()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
        AccessToken first = await harness.Provider.GetTokenAsync();

        harness.Provider.Invalidate(first);
        AccessToken second = await harness.Provider.GetTokenAsync();
        harness.Provider.Invalidate(first);
        AccessToken third = await harness.Provider.GetTokenAsync();

        second.Value.ShouldBe("token-2");
        third.ShouldBeSameAs(second);
        harness.TokenRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Jitter_spreads_the_refresh_points_of_different_providers()
    {
        // With ±5% jitter about half of all providers have started refreshing at exactly 80%;
        // twenty providers all on the same side would happen about twice in a million runs.
        var refreshedAt80Percent = new List<bool>();
        for (int run = 0; run < 20; run++)
        {
            await using AuthHarness harness = await AuthHarness.StartAsync();
            harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
            await harness.Provider.GetTokenAsync();
            harness.Clock.SetSinceStart(TimeSpan.FromSeconds(720));
            await harness.Provider.GetTokenAsync();
            refreshedAt80Percent.Add(harness.TokenRequests.Count == 2);
        }

        refreshedAt80Percent.Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task After_a_failed_background_refresh_the_current_token_is_served_and_the_next_attempt_waits()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(new TokenCacheOptions { Jitter = 0, RetryMaxDelay = TimeSpan.FromSeconds(30) });
        harness.Server.On(
            ScriptedServer.TokenPath,
            Replies.Token("token-1"),
            Replies.OAuthError(400, "invalid_request", "temporarily refused"),
            Replies.Token("token-2"));
        await harness.Provider.GetTokenAsync();

        harness.Clock.SetSinceStart(TimeSpan.FromSeconds(720));
        (await harness.Provider.GetTokenAsync()).Value.ShouldBe("token-1");
        await Eventually.TrueAsync(() => harness.Logged(1003), "the refresh to fail");

        harness.Clock.SetSinceStart(TimeSpan.FromSeconds(750) - s_justBefore);
        (await harness.Provider.GetTokenAsync()).Value.ShouldBe("token-1");
        harness.TokenRequests.Count.ShouldBe(2, "no new attempt within RetryMaxDelay of the failure");

        harness.Clock.SetSinceStart(TimeSpan.FromSeconds(750));
        await harness.Provider.GetTokenAsync();
        harness.TokenRequests.Count.ShouldBe(3);
        await Eventually.TokenAsync(harness.Provider, "token-2");
    }
}
