using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class TokenEndpointTests(DefaultEmulatorFixture fixture) : IClassFixture<DefaultEmulatorFixture>
{
    private readonly UsersApiEmulator _emulator = fixture.Emulator;

    private AuthenticationHeaderValue DefaultCredentials => ApiClient.Basic(_emulator.DefaultClient.ClientId, _emulator.DefaultClient.ClientSecret);

    [Fact]
    public async Task Client_credentials_yield_a_bearer_token_that_must_not_be_cached()
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.PostTokenAsync(DefaultCredentials, ("grant_type", "client_credentials"), ("scope", "openid"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var body = await response.JsonAsync();
        body.GetProperty("token_type").GetString().ShouldBe("Bearer");
        body.GetProperty("expires_in").GetInt32().ShouldBe(900);
        body.GetProperty("scope").GetString().ShouldBe("openid");
        _emulator.State.IsTokenActive(body.GetProperty("access_token").GetString()!).ShouldBeTrue();
    }

    [Fact]
    public async Task Omitted_scope_means_openid_and_every_token_is_different()
    {
        using var api = new ApiClient(_emulator);

        var first = await api.TokenAsync(_emulator.DefaultClient);
        var second = await api.TokenAsync(_emulator.DefaultClient);

        first.ShouldNotBe(second);
        first.Length.ShouldBeGreaterThanOrEqualTo(32);
    }

    [Fact]
    public async Task Expires_in_follows_the_configured_token_lifetime()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { TokenLifetime = TimeSpan.FromSeconds(60) });
        using var api = new ApiClient(emulator);

        using var response = await api.PostTokenAsync(
            ApiClient.Basic(emulator.DefaultClient.ClientId, emulator.DefaultClient.ClientSecret), ("grant_type", "client_credentials"));

        (await response.JsonAsync()).GetProperty("expires_in").GetInt32().ShouldBe(60);
    }

    [Theory]
    [InlineData("password", "unsupported_grant_type")]
    [InlineData("authorization_code", "unsupported_grant_type")]
    [InlineData("", "invalid_request")]
    public async Task Grant_types_other_than_client_credentials_are_refused(string grantType, string expectedError)
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.PostTokenAsync(DefaultCredentials, ("grant_type", grantType));

        (await response.ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest)).ShouldBe(expectedError);
    }

    [Fact]
    public async Task A_missing_grant_type_is_an_invalid_request()
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.PostTokenAsync(DefaultCredentials, ("scope", "openid"));

        (await response.ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest)).ShouldBe("invalid_request");
    }

    [Theory]
    [InlineData("list_users")]
    [InlineData("openid profile")]
    [InlineData("")]
    public async Task Scopes_other_than_openid_are_refused(string scope)
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.PostTokenAsync(DefaultCredentials, ("grant_type", "client_credentials"), ("scope", scope));

        (await response.ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest)).ShouldBe("invalid_scope");
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_an_invalid_request()
    {
        using var api = new ApiClient(_emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1beta1/users/oauth2/token")
        {
            Content = new StringContent("""{"grant_type":"client_credentials"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = DefaultCredentials;

        using var response = await api.Http.SendAsync(request);

        (await response.ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest)).ShouldBe("invalid_request");
    }

    public static TheoryData<string?> BadAuthorizationHeaders => new()
    {
        null,
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("unknown-client:secret")),
        "Basic not-base64!",
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("no-colon")),
        "Bearer some-token",
    };

    [Theory]
    [MemberData(nameof(BadAuthorizationHeaders))]
    public async Task Missing_or_unknown_client_credentials_are_an_invalid_client_with_a_basic_challenge(string? authorization)
    {
        using var api = new ApiClient(_emulator);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1beta1/users/oauth2/token")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials")]),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization).ShouldBeTrue();
        }

        using var response = await api.Http.SendAsync(request);

        (await response.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized)).ShouldBe("invalid_client");
        response.Headers.WwwAuthenticate.ShouldContain(challenge => challenge.Scheme == "Basic");
    }

    [Fact]
    public async Task A_wrong_secret_for_a_known_client_is_an_invalid_client()
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.PostTokenAsync(ApiClient.Basic(_emulator.DefaultClient.ClientId, "wrong"), ("grant_type", "client_credentials"));

        (await response.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized)).ShouldBe("invalid_client");
    }

    [Fact]
    public async Task Form_encoded_credentials_as_RFC_6749_asks_are_accepted()
    {
        var client = _emulator.AddClient(_emulator.DefaultAccountId, EmulatorPermissions.All, "client with space", "secret:with+plus");
        using var api = new ApiClient(_emulator);

        using var response = await api.PostTokenAsync(
            ApiClient.Basic(Uri.EscapeDataString(client.ClientId), Uri.EscapeDataString(client.ClientSecret)), ("grant_type", "client_credentials"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
