using OnePassword.Users.Cli.Tests.Support;

namespace OnePassword.Users.Cli.Tests;

/// <summary>Flags, environment variables and their precedence; usage errors.</summary>
public sealed class ConnectionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task An_unknown_flag_exits_2()
    {
        var result = await Tool.RunAsync("users", "list", "--colour");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--colour");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task No_command_exits_2()
    {
        var result = await Tool.RunAsync();

        result.ExitCode.ShouldBe(2, result.ToString());
    }

    [Fact]
    public async Task Missing_credentials_exit_2_and_name_the_flags_and_variables()
    {
        var result = await Tool.RunAsync(new Dictionary<string, string?> { ["OP_USERS_ACCOUNT_ID"] = "ACCT" }, "users", "list");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("missing --client-id (or set OP_USERS_CLIENT_ID)");
        result.Stderr.ShouldContain("missing --client-secret (or set OP_USERS_CLIENT_SECRET)");
        result.Stderr.ShouldNotContain("OP_USERS_ACCOUNT_ID");
    }

    [Fact]
    public async Task Environment_variables_configure_the_connection()
    {
        var result = await Tool.RunAsync(Environment(fixture), "users", "get", fixture.IdOf("bob@example.com"), "--output", "csv");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("bob@example.com");
    }

    [Fact]
    public async Task Flags_take_precedence_over_environment_variables()
    {
        var environment = Environment(fixture);
        environment["OP_USERS_CLIENT_SECRET"] = "wrong-secret-from-the-environment";

        var result = await Tool.RunAsync(environment, "users", "list", "--output", "csv", "--client-secret", EmulatorFixture.Secret);

        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Fact]
    public async Task A_wrong_secret_exits_3_without_echoing_it()
    {
        const string wrongSecret = "Wrong-Secret-4d1c-NEVER-PRINTED";
        var environment = Environment(fixture);
        environment["OP_USERS_CLIENT_SECRET"] = wrongSecret;

        var result = await Tool.RunAsync(environment, "users", "list");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain("Authentication failed");
        (result.Stdout + result.Stderr).ShouldNotContain(wrongSecret);
    }

    [Fact]
    public async Task An_unknown_region_is_a_usage_error()
    {
        var result = await Tool.RunAsync("users", "list", "--client-id", "id", "--client-secret", "secret", "--account", "ACCT", "--region", "1password.de");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("region '1password.de' is not one of 1password.com, 1password.ca, 1password.eu");
    }

    [Fact]
    public async Task Plain_http_to_a_remote_host_is_a_usage_error()
    {
        var result = await Tool.RunAsync("users", "list", "--client-id", "id", "--client-secret", "secret", "--account", "ACCT", "--base-url", "http://api.example.com");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("plain HTTP");
    }

    [Fact]
    public async Task Help_lists_the_exit_codes_and_exits_0()
    {
        var result = await Tool.RunAsync("--help");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("Exit codes:");
        result.Stdout.ShouldContain("4    not found");
        result.Stdout.ShouldContain("OP_USERS_CLIENT_SECRET");
    }

    private static Dictionary<string, string?> Environment(EmulatorFixture fixture) => new()
    {
        ["OP_USERS_CLIENT_ID"] = fixture.Emulator.DefaultClient.ClientId,
        ["OP_USERS_CLIENT_SECRET"] = EmulatorFixture.Secret,
        ["OP_USERS_ACCOUNT_ID"] = EmulatorFixture.Account,
        ["OP_USERS_BASE_URL"] = fixture.Emulator.BaseUrl.ToString(),
    };
}
