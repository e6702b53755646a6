using OnePassword.Users.Cli.Tests.Support;

namespace OnePassword.Users.Cli.Tests;

/// <summary>The client secret never reaches stdout or stderr, whatever the command and however it ends.</summary>
public sealed class SecretTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    public static TheoryData<string[]> Commands => new()
    {
        { new[] { "users", "list" } },
        { new[] { "users", "list", "--output", "json" } },
        { new[] { "users", "get", "NOSUCHUSER2345ABCDEFGHIJKL" } },
        { new[] { "users", "suspend", "--dry-run", "owner@example.com", "nobody@example.com" } },
        { new[] { "users", "reactivate", "owner@example.com" } },
        { new[] { "auth", "check" } },
        { new[] { "auth", "check", "--client-id", "no-such-client" } },
        { new[] { "users", "list", "--base-url", "http://api.example.com" } },
        { new[] { "users", "list", "--unknown-flag" } },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_secret_is_never_printed(string[] args)
    {
        var result = await fixture.RunAsync(args);

        (result.Stdout + result.Stderr).ShouldNotBeEmpty();
        result.Stdout.ShouldNotContain(EmulatorFixture.Secret);
        result.Stderr.ShouldNotContain(EmulatorFixture.Secret);
    }

    [Fact]
    public async Task A_secret_from_the_environment_is_not_printed_either()
    {
        var environment = new Dictionary<string, string?>
        {
            ["OP_USERS_CLIENT_ID"] = "no-such-client",
            ["OP_USERS_CLIENT_SECRET"] = EmulatorFixture.Secret,
            ["OP_USERS_ACCOUNT_ID"] = EmulatorFixture.Account,
            ["OP_USERS_BASE_URL"] = fixture.Emulator.BaseUrl.ToString(),
        };

        var result = await Tool.RunAsync(environment, "auth", "check");

        result.ExitCode.ShouldBe(3, result.ToString());
        (result.Stdout + result.Stderr).ShouldNotContain(EmulatorFixture.Secret);
    }
}
