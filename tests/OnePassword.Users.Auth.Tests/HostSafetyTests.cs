using OnePassword.Users.Auth.Tests.TestSupport;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Auth.Tests;

/// <summary>Where the bearer token and the client credentials may go.</summary>
public sealed class HostSafetyTests
{
    private static readonly AllowedHosts s_spec = AllowedHosts.FromUrls("https://api.1password.com", "https://api.1password.ca", "https://api.1password.eu");

    [Theory]
    [InlineData("https://api.1password.com/v1beta1/accounts/A/users", true)]
    [InlineData("https://API.1Password.COM/v1beta1/accounts/A/users", true)]
    [InlineData("https://api.1password.eu:443/v1beta1/accounts/A/users", true)]
    [InlineData("https://api.1password.com.evil.test/v1beta1/accounts/A/users", false)]
    [InlineData("https://evilapi.1password.com/v1beta1/accounts/A/users", false)]
    [InlineData("https://api.1password.com@evil.test/v1beta1/accounts/A/users", false)]
    [InlineData("https://user:pass@api.1password.com/v1beta1/accounts/A/users", false)]
    [InlineData("http://api.1password.com/v1beta1/accounts/A/users", false)]
    [InlineData("https://api.1password.com:8443/v1beta1/accounts/A/users", false)]
    [InlineData("https://1password.com/v1beta1/accounts/A/users", false)]
    [InlineData("https://example.test/v1beta1/accounts/A/users", false)]
    [InlineData("http://127.0.0.1:5099/v1beta1/accounts/A/users", false)]
    public async Task Only_requests_to_an_allowed_origin_over_https_carry_the_token(string url, bool carriesToken)
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
        var transport = new RecordingHandler();
        HttpClient api = harness.ApiClient(s_spec, transport);

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer left-over");
        await api.SendAsync(request);

        transport.Sent.ShouldHaveSingleItem().Authorization.ShouldBe(carriesToken ? "Bearer token-1" : null);
        harness.TokenRequests.Count.ShouldBe(carriesToken ? 1 : 0, "no token is fetched for a request that cannot carry it");
    }

    [Fact]
    public async Task Plain_http_is_allowed_only_for_a_configured_loopback_origin()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
        harness.Server.Always("/users", Replies.With(200, "{}"));
        HttpClient api = harness.ApiClient(new AllowedHosts([harness.Server.BaseAddress, new Uri("https://api.1password.com")]));
        var otherLoopbackPort = new UriBuilder(harness.Server.Url("/users")) { Host = "localhost" }.Uri;

        await api.GetAsync(harness.Server.Url("/users"));
        await api.GetAsync(otherLoopbackPort);

        harness.Server.RequestsTo("/users").Select(request => request.Authorization).ShouldBe(["Bearer token-1", null]);
    }

    [Theory]
    [InlineData("http://api.1password.com")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("http://localhost.evil.test")]
    [InlineData("ftp://api.1password.com")]
    [InlineData("https://user:password@api.1password.com")]
    public void Allowed_hosts_refuse_origins_that_could_leak_the_token(string url)
    {
        ArgumentException error = Should.Throw<ArgumentException>(() => AllowedHosts.FromUrls(url));

        error.ParamName.ShouldBe("urls");
        error.Message.ShouldNotContain("password@");
    }

    // AllowedHosts answers most requests from the URI's text (it starts with an allowed origin
    // and a '/'); these are URIs whose text and origin could be confused.
    [Theory]
    [InlineData("https://api.1password.com/", "/v1beta1/accounts", true)]
    [InlineData("https://api.1password.com/", "@evil.test/x", true)]
    [InlineData("https://api.1password.com/", "//evil.test/v1beta1/accounts", false)]
    [InlineData("https://api.1password.com/", "//user@api.1password.com/v1beta1/accounts", false)]
    [InlineData("https://api.1password.com/", "http://api.1password.com/v1beta1/accounts", false)]
    [InlineData("https://api.1password.com/", "\\\\evil.test\\x", false)]
    [InlineData("https://api.1password.com.evil.test/", "/v1beta1/accounts", false)]
    [InlineData("https://API.1password.com:443/", "/v1beta1/accounts", true)]
    [InlineData("http://[::1]:8080/", "/v1beta1/accounts", true)]
    [InlineData("http://[0:0::1]:8080/", "/v1beta1/accounts", true)]
    [InlineData("http://[::1]:8080/", "//evil.test/v1beta1/accounts", false)]
    [InlineData("http://[::1]:8081/", "/v1beta1/accounts", false)]
    public void A_uri_is_judged_by_the_origin_it_resolves_to_not_by_how_it_was_written(string baseUrl, string reference, bool allowed)
    {
        AllowedHosts hosts = AllowedHosts.FromUrls("https://api.1password.com", "http://[::1]:8080");
        var uri = new Uri(new Uri(baseUrl), reference);

        hosts.IsAllowed(uri).ShouldBe(allowed, uri.OriginalString);
        hosts.IsAllowed(new Uri(uri.AbsoluteUri)).ShouldBe(allowed, uri.AbsoluteUri);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5099")]
    [InlineData("http://127.3.4.5")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://localhost:5099")]
    public void Allowed_hosts_accept_plain_http_to_loopback(string url) =>
        AllowedHosts.FromUrls(url).IsAllowed(new Uri(url + "/v1beta1/accounts")).ShouldBeTrue();

    [Fact]
    public async Task Client_credentials_are_never_sent_over_plain_http_to_a_remote_host()
    {
        var transport = new RecordingHandler();
        using var http = new HttpClient(transport);
        await using var provider = new ClientCredentialsTokenProvider(
            new ClientCredentials("id", AuthHarness.Secret), new TokenEndpoint(new Uri("http://api.1password.com/v1beta1/users/oauth2/token")), http);

        InvalidOperationException error = await Should.ThrowAsync<InvalidOperationException>(async () => await provider.GetTokenAsync());

        error.Message.ShouldContain("http://api.1password.com/v1beta1/users/oauth2/token");
        error.Message.ShouldNotContain(AuthHarness.Secret);
        transport.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_token_uri_with_user_info_is_refused_and_the_message_leaves_the_password_out()
    {
        var transport = new RecordingHandler();
        using var http = new HttpClient(transport);
        await using var provider = new ClientCredentialsTokenProvider(
            new ClientCredentials("id", AuthHarness.Secret), new TokenEndpoint(new Uri("https://me:hunter2-pass@api.1password.com/v1beta1/users/oauth2/token")), http);

        InvalidOperationException error = await Should.ThrowAsync<InvalidOperationException>(async () => await provider.GetTokenAsync());

        error.Message.ShouldContain("https://api.1password.com/v1beta1/users/oauth2/token");
        error.Message.ShouldNotContain("hunter2");
        transport.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_https_token_endpoint_on_any_host_receives_the_request()
    {
        var transport = new RecordingHandler();
        using var http = new HttpClient(transport);
        await using var provider = new ClientCredentialsTokenProvider(
            new ClientCredentials("id", "secret-value"), new TokenEndpoint(new Uri("https://api.1password.ca/v1beta1/users/oauth2/token")), http);

        // The recording transport answers an empty 200, which is not a token: what matters is that it was sent.
        await Should.ThrowAsync<OAuthTokenException>(async () => await provider.GetTokenAsync());

        transport.Sent.ShouldHaveSingleItem().Uri.Host.ShouldBe("api.1password.ca");
    }
}
