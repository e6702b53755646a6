using System.Net;
using Microsoft.AspNetCore.Http;
using OnePassword.Users.Auth.Tests.TestSupport;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Auth.Tests;

/// <summary>The bearer-token handler against a loopback API: attaching tokens and the 401 renew-and-replay.</summary>
public sealed class BearerTokenHandlerTests
{
    private const string UsersPath = "/v1beta1/accounts/A1/users";

    [Fact]
    public async Task Api_requests_carry_the_cached_bearer_token()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
        harness.Server.Always(UsersPath, Replies.With(200, """{"results":[]}"""));
        HttpClient api = harness.ApiClient();

        (await api.GetAsync(harness.Server.Url(UsersPath))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync(harness.Server.Url(UsersPath))).StatusCode.ShouldBe(HttpStatusCode.OK);

        harness.Server.RequestsTo(UsersPath).Select(request => request.Authorization).ShouldBe(["Bearer token-1", "Bearer token-1"]);
        harness.TokenRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_401_invalidates_the_token_gets_a_new_one_and_replays_the_request_with_its_body()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
        const string path = "/v1beta1/accounts/A1/users/U1:suspend";
        harness.Server.On(path, Replies.With(401, """{"code":16,"message":"token revoked"}"""), Replies.With(200, """{"id":"U1"}"""));
        HttpClient api = harness.ApiClient();

        // The body can be produced only once: the replay works only if the handler buffered it.
        using var content = new OneShotContent("""{"reason":"incident"}""");
        HttpResponseMessage response = await api.PostAsync(harness.Server.Url(path), content);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        IReadOnlyList<RecordedRequest> calls = harness.Server.RequestsTo(path);
        calls.Select(request => request.Authorization).ShouldBe(["Bearer token-1", "Bearer token-2"]);
        calls.Select(request => request.Body).ShouldBe(["""{"reason":"incident"}""", """{"reason":"incident"}"""]);
        harness.TokenRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_second_401_is_returned_as_it_is()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
        harness.Server.Always(UsersPath, Replies.With(401, """{"code":16,"message":"application disabled"}"""));
        HttpClient api = harness.ApiClient();

        HttpResponseMessage response = await api.GetAsync(harness.Server.Url(UsersPath));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain("application disabled");
        harness.Server.RequestsTo(UsersPath).Count.ShouldBe(2, "one replay, no more");
        harness.TokenRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Fifty_concurrent_401s_for_the_same_token_cause_one_refresh()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
        var rejectedAll = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int rejections = 0;

        // The API holds every answer for token-1 until all fifty requests arrived, so they all
        // see a 401 for the same token at about the same time.
        harness.Server.Always(UsersPath, async context =>
        {
            if (context.Request.Headers.Authorization == "Bearer token-1")
            {
                if (Interlocked.Increment(ref rejections) == 50)
                {
                    rejectedAll.SetResult();
                }

                await rejectedAll.Task.WaitAsync(context.RequestAborted);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        await harness.Provider.GetTokenAsync();
        HttpClient api = harness.ApiClient();

        HttpResponseMessage[] responses = await Eventually.Within(Task.WhenAll(
            Enumerable.Range(0, 50).Select(_ => api.GetAsync(harness.Server.Url(UsersPath)))));

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK);
        harness.TokenRequests.Count.ShouldBe(2);
        harness.Server.RequestsTo(UsersPath).Count(request => request.Authorization == "Bearer token-2").ShouldBe(50);
    }

    [Fact]
    public async Task A_token_endpoint_failure_reaches_the_api_caller()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.On(ScriptedServer.TokenPath, Replies.OAuthError(401, "invalid_client", "Client authentication failed"));
        HttpClient api = harness.ApiClient();

        OAuthTokenException error = await Should.ThrowAsync<OAuthTokenException>(api.GetAsync(harness.Server.Url(UsersPath)));

        error.Error.ShouldBe("invalid_client");
        harness.Server.RequestsTo(UsersPath).ShouldBeEmpty();
    }
}
