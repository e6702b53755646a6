using System.Reflection;
using OnePassword.Users.Runtime;
using OnePassword.Users.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Tests;

/// <summary>The User-Agent 1Password asks partners to send, on the token request and on API calls.</summary>
public sealed class UserAgentTests
{
    [Fact]
    public async Task Token_and_API_requests_name_the_SDK_and_the_version_it_was_built_as()
    {
        await using var server = await RecordingServer.StartAsync();
        server.Respond = request => request.RawTarget.Contains("/oauth2/token", StringComparison.Ordinal)
            ? (200, """{"access_token":"t0k3n","token_type":"bearer","expires_in":900}""", "application/json")
            : (200, "{}", "application/json");
        await using var client = UsersApiClient.Create(new ApiClientOptions { ClientId = "client", ClientSecret = "secret", BaseUrl = server.BaseUrl });

        await client.Accounts["A"].Users.GetAsync();

        // This assembly is built with the same Version as the SDK; its commit suffix is not sent.
        var version = typeof(UserAgentTests).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        server.Requests.Select(r => r.Headers["User-Agent"]).ShouldBe([$"OnePassword.Users.Sdk/{version}", $"OnePassword.Users.Sdk/{version}"]);
        ApiClientOptions.DefaultUserAgent.ShouldBe($"OnePassword.Users.Sdk/{version}");
    }
}
