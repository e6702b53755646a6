using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OnePassword.Users.Hardening.Tests.Support;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hardening.Tests;

/// <summary>No client in the pipeline follows a redirect: not the API client, not the token client, not revocation.</summary>
public sealed class RedirectTests
{
    private const string Token = "live-token-0123456789abcdef";

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task An_api_redirect_to_another_origin_is_a_typed_error_and_the_target_never_hears_from_the_client(int status)
    {
        await using var attacker = HostileServer.Start(exchange => exchange.RespondAsync(401, """{"code":16,"message":"who are you"}"""));
        var steal = new Uri(attacker.BaseAddress, "steal");
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, exchange => exchange.RedirectAsync(status, steal)));
        await using var client = HostileApi.Create(api);

        var refused = await Should.ThrowAsync<RedirectRefusedException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        refused.ResponseStatusCode.ShouldBe(status);
        refused.Location.ShouldBe(steal);
        refused.Message.ShouldBe($"GET {api.BaseAddress}v1beta1/accounts/ACCOUNT/users/USER was answered with HTTP {status}, a redirect to {steal}, which the client does not follow");
        attacker.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(302)]
    [InlineData(303)]
    public async Task A_suspend_that_is_redirected_is_not_reported_as_done(int status)
    {
        await using var elsewhere = HostileServer.Start(exchange => exchange.RespondAsync(200, HostileApi.UserJson()));
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, exchange => exchange.RedirectAsync(status, new Uri(elsewhere.BaseAddress, "ok"))));
        await using var client = HostileApi.Create(api);

        await Should.ThrowAsync<RedirectRefusedException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].Suspend.PostAsync());

        elsewhere.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirected_token_endpoint_gives_no_token_and_its_target_gets_no_credentials(int status)
    {
        await using var attacker = HostileServer.Start(exchange => exchange.RespondAsync(200, HostileApi.TokenJson("attacker-token")));
        await using var api = HostileServer.Start(exchange => exchange.Request.Target == HostileApi.TokenPath
            ? exchange.RedirectAsync(status, new Uri(attacker.BaseAddress, "token"))
            : exchange.RespondAsync(200, HostileApi.UserJson()));
        await using var client = HostileApi.Create(api);

        var refused = await Should.ThrowAsync<OAuthTokenException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        refused.StatusCode.ShouldBe(status);
        refused.Message.ShouldContain($"a redirect to {attacker.BaseAddress}token, which the client does not follow");
        attacker.Requests.ShouldBeEmpty();
        api.Requests.ShouldAllBe(request => request.Target == HostileApi.TokenPath);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirected_revocation_is_reported_as_not_revoked_and_the_token_goes_nowhere_else(int status)
    {
        await using var attacker = HostileServer.Start(exchange => exchange.RespondAsync(200, string.Empty));
        await using var api = HostileServer.Start(exchange => exchange.Request.Target switch
        {
            HostileApi.TokenPath => exchange.RespondAsync(200, HostileApi.TokenJson(Token)),
            HostileApi.RevokePath => exchange.RedirectAsync(status, new Uri(attacker.BaseAddress, "revoke")),
            _ => exchange.RespondAsync(200, HostileApi.UserJson()),
        });
        var logs = new FakeLogCollector();
        using var loggerFactory = new LoggerFactory([new FakeLoggerProvider(logs)]);
        var client = HostileApi.Create(api, options => options.LoggerFactory = loggerFactory);
        await client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync();

        await client.DisposeAsync();

        attacker.Requests.ShouldBeEmpty();
        FakeLogRecord failed = logs.GetSnapshot().Single(record => record.Id.Name == "TokenRevocationFailed");
        failed.Message.ShouldContain($"HTTP {status}");
        failed.Message.ShouldContain("the token was not revoked");
        logs.GetSnapshot().ShouldNotContain(record => record.Id.Name == "TokenRevoked");
        logs.GetSnapshot().ShouldAllBe(record => !record.Message.Contains(Token, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_transport_that_follows_redirects_is_refused_when_the_client_is_made(bool wrapped)
    {
        // Wrapped: the caller's own handler in front of the primary one, as logging or proxy wrappers are.
        using HttpMessageHandler follows = wrapped ? new PassThrough(new SocketsHttpHandler()) : new SocketsHttpHandler();

        var refused = Should.Throw<ArgumentException>(() => UsersApiClient.Create(new ApiClientOptions
        {
            ClientId = HostileApi.ClientId,
            ClientSecret = HostileApi.ClientSecret,
            BaseUrl = new Uri("http://127.0.0.1:9/"),
            Transport = follows,
        }));

        refused.Message.ShouldStartWith("ApiClientOptions.Transport follows redirects");
    }

    [Fact]
    public async Task A_transport_that_moves_a_request_to_another_origin_is_caught_before_any_replay()
    {
        await using var attacker = HostileServer.Start(exchange => exchange.RespondAsync(401, """{"code":16,"message":"again"}"""));
        int tokens = 0;
        await using var api = HostileServer.Start(exchange => exchange.Request.Target == HostileApi.TokenPath
            ? exchange.RespondAsync(200, HostileApi.TokenJson($"token-{Interlocked.Increment(ref tokens)}"))
            : exchange.RespondAsync(200, HostileApi.UserJson()));
        using var moving = new MovingHandler(attacker.BaseAddress, new SocketsHttpHandler { AllowAutoRedirect = false });
        await using var client = HostileApi.Create(api, options => options.Transport = moving);

        var refused = await Should.ThrowAsync<RedirectRefusedException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        refused.Location!.Authority.ShouldBe(attacker.BaseAddress.Authority);
        attacker.Requests.Count.ShouldBe(1);
        tokens.ShouldBe(1);
    }

    [Fact]
    public async Task The_bearer_handler_checks_the_destination_again_before_the_401_replay()
    {
        int tokens = 0;
        await using var tokenServer = HostileServer.Start(exchange => exchange.RespondAsync(200, HostileApi.TokenJson($"token-{Interlocked.Increment(ref tokens)}")));
        using var tokenHttp = new HttpClient();
        await using var provider = new ClientCredentialsTokenProvider(
            new ClientCredentials(HostileApi.ClientId, HostileApi.ClientSecret), new TokenEndpoint(new Uri(tokenServer.BaseAddress, "token")), tokenHttp);
        var evil = new Uri("http://127.0.0.2:9/steal");
        var below = new RecordingHandler(evil);
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(provider, AllowedHosts.FromUrls("http://127.0.0.1:9")) { InnerHandler = below });

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/v1beta1/accounts/A/users"), CancellationToken.None);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        below.Sent.ShouldBe(["Bearer token-1"]);
        tokens.ShouldBe(1);
    }

    /// <summary>Below the bearer handler: moves the request to another origin and answers 401, as a redirect-following transport would.</summary>
    private sealed class RecordingHandler(Uri moveTo) : HttpMessageHandler
    {
        public List<string?> Sent { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sent.Add(request.Headers.Authorization?.ToString());
            request.RequestUri = moveTo;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Unauthorized) { RequestMessage = request });
        }
    }

    /// <summary>A transport that, like one following redirects, changes a request's URI to another origin on the way.</summary>
    private sealed class MovingHandler(Uri to, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is { } uri && uri.AbsolutePath.StartsWith("/v1beta1/accounts/", StringComparison.Ordinal))
            {
                request.RequestUri = new Uri(to, uri.PathAndQuery);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class PassThrough(HttpMessageHandler inner) : DelegatingHandler(inner);
}
