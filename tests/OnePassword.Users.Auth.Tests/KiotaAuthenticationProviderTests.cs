using Microsoft.Kiota.Abstractions;
using OnePassword.Users.Auth.Tests.TestSupport;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Auth.Tests;

/// <summary>The Kiota authentication provider adds the token only for allowed hosts.</summary>
public sealed class KiotaAuthenticationProviderTests
{
    [Theory]
    [InlineData("https://api.1password.com/v1beta1/accounts/A/users", "Bearer token-1")]
    [InlineData("https://api.1password.com.evil.test/v1beta1/accounts/A/users", null)]
    [InlineData("http://api.1password.com/v1beta1/accounts/A/users", null)]
    public async Task The_authorization_header_is_added_only_for_allowed_hosts(string url, string? expected)
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.Always(ScriptedServer.TokenPath, Replies.NumberedTokens());
        var provider = new ClientCredentialsAuthenticationProvider(harness.Provider, AllowedHosts.FromUrls("https://api.1password.com"));
        var request = new RequestInformation { HttpMethod = Method.GET, URI = new Uri(url) };

        await provider.AuthenticateRequestAsync(request);

        (request.Headers.TryGetValue("Authorization", out IEnumerable<string>? values) ? values.Single() : null).ShouldBe(expected);
        provider.AccessTokenProvider.AllowedHostsValidator.AllowedHosts.ShouldBe(["api.1password.com"]);
    }
}
