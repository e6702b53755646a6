using OnePassword.Users.Auth.Tests.TestSupport;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Auth.Tests;

/// <summary>The token request on the wire, as the Users API documents it.</summary>
public sealed class TokenRequestFormatTests
{
    [Fact]
    public async Task Token_request_is_a_form_post_with_basic_client_authentication_and_the_openid_scope()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.On(ScriptedServer.TokenPath, Replies.Token("tok-1"));

        AccessToken token = await harness.Provider.GetTokenAsync();

        token.Value.ShouldBe("tok-1");
        token.TokenType.ShouldBe("Bearer");
        token.ExpiresAt.ShouldBe(ObservedTimeProvider.DefaultStart.AddSeconds(900));
        RecordedRequest request = harness.Server.RequestsTo(ScriptedServer.TokenPath).ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Header("Content-Type").ShouldBe("application/x-www-form-urlencoded");
        request.Header("Accept").ShouldBe("application/json");
        request.BasicCredentials.ShouldBe((AuthHarness.ClientId, AuthHarness.Secret));
        request.Form.ShouldBe(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "openid" });
    }

    [Fact]
    public async Task Id_and_secret_are_form_encoded_before_base64_so_colons_spaces_and_non_ascii_survive()
    {
        const string id = "id:with space+plus";
        const string secret = "p@ss:w/ord é%20+";
        await using AuthHarness harness = await AuthHarness.StartAsync(credentials: new ClientCredentials(id, secret));
        harness.Server.On(ScriptedServer.TokenPath, Replies.Token("tok-1"));

        await harness.Provider.GetTokenAsync();

        RecordedRequest request = harness.Server.RequestsTo(ScriptedServer.TokenPath).ShouldHaveSingleItem();
        request.BasicCredentials.ShouldBe((id, secret));

        // Only one raw colon may remain in the decoded pair: the separator.
        string pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(request.Authorization!["Basic ".Length..]));
        pair.Count(c => c == ':').ShouldBe(1);
        pair.ShouldBe("id%3Awith+space%2Bplus:p%40ss%3Aw%2Ford+%C3%A9%2520%2B");
    }

    [Fact]
    public async Task Without_a_configured_scope_no_scope_field_is_sent()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(scope: null);
        harness.Server.On(ScriptedServer.TokenPath, Replies.Token("tok-1"));

        await harness.Provider.GetTokenAsync();

        harness.Server.RequestsTo(ScriptedServer.TokenPath).ShouldHaveSingleItem().Form
            .ShouldBe(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });
    }

    [Fact]
    public async Task The_endpoint_scopes_are_sent_when_the_credentials_name_none()
    {
        await using ScriptedServer server = await ScriptedServer.StartAsync();
        server.On(ScriptedServer.TokenPath, Replies.Token("tok-1"));
        using var http = new HttpClient();
        await using var provider = new ClientCredentialsTokenProvider(
            new ClientCredentials("id", "secret-value"),
            TokenEndpoint.Resolve(server.BaseAddress, "/v1beta1/users/oauth2/token", "/v1beta1/users/oauth2/revoke", ["openid", "profile"]),
            http);

        await provider.GetTokenAsync();

        server.RequestsTo(ScriptedServer.TokenPath).ShouldHaveSingleItem().Form["scope"].ShouldBe("openid profile");
    }

    [Fact]
    public async Task A_missing_expires_in_means_the_default_lifetime_and_a_numeric_string_is_accepted()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(new TokenCacheOptions { DefaultTokenLifetime = TimeSpan.FromSeconds(600) });
        harness.Server.On(
            ScriptedServer.TokenPath,
            Replies.With(200, """{"access_token":"tok-1","token_type":"bearer"}"""),
            Replies.With(200, """{"access_token":"tok-2","token_type":"Bearer","expires_in":"120"}"""));

        (await harness.Provider.GetTokenAsync()).ExpiresAt.ShouldBe(ObservedTimeProvider.DefaultStart.AddSeconds(600));
        harness.Clock.Advance(TimeSpan.FromSeconds(600));
        (await harness.Provider.GetTokenAsync()).ExpiresAt.ShouldBe(ObservedTimeProvider.DefaultStart.AddSeconds(720));
    }

    [Fact]
    public void Relative_spec_urls_resolve_below_the_base_url()
    {
        TokenEndpoint endpoint = TokenEndpoint.Resolve(new Uri("https://api.1password.eu"), "/v1beta1/users/oauth2/token", "/v1beta1/users/oauth2/revoke", ["openid"]);

        endpoint.TokenUri.ShouldBe(new Uri("https://api.1password.eu/v1beta1/users/oauth2/token"));
        endpoint.RevocationUri.ShouldBe(new Uri("https://api.1password.eu/v1beta1/users/oauth2/revoke"));
        endpoint.Scopes.ShouldBe(["openid"]);
        TokenEndpoint.Resolve(new Uri("http://127.0.0.1:5099/prefix"), "/oauth/token").TokenUri
            .ShouldBe(new Uri("http://127.0.0.1:5099/prefix/oauth/token"));
    }
}
