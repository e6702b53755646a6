using System.Text.Json;
using OnePassword.Users.Cli.Tests.Support;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Cli.Tests;

/// <summary><c>--emulator</c>: what the README's first command shows a newcomer, with no account or credentials.</summary>
public sealed class EmulatorModeTests
{
    [Fact]
    public async Task Lists_the_demo_users_without_any_configuration()
    {
        var result = await Tool.RunAsync("users", "list", "--emulator", "--output", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var expected = EmulatorSeed.Demo(EmulatorOptions.DemoAccountId).Users.Select(user => user.Email);
        json.RootElement.EnumerateArray().Select(user => user.GetProperty("email").GetString()).ShouldBe(expected, ignoreOrder: true);
        result.Stderr.ShouldContain("Using the embedded emulator at http://127.0.0.1:");
    }

    [Fact]
    public async Task Ignores_credentials_from_the_environment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["OP_USERS_CLIENT_ID"] = "real-client",
            ["OP_USERS_CLIENT_SECRET"] = "real-secret",
            ["OP_USERS_REGION"] = "1password.eu",
        };

        var result = await Tool.RunAsync(environment, "users", "list", "--emulator", "--state", "suspended", "--output", "csv");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(29 + 1);
    }
}
