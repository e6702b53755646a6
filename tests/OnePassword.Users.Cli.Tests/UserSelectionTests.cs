using System.Text.Json;
using OnePassword.Users.Cli.Tests.Support;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Cli.Tests;

/// <summary>An id or an email everywhere, - for stdin, and the spellings of 1Password's own op tool.</summary>
public sealed class UserSelectionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("op-users-selection-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Get_takes_an_email()
    {
        var result = await fixture.RunAsync("users", "get", "Carol@Example.com", "--output", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("id").GetString().ShouldBe(fixture.IdOf("carol@example.com"));
    }

    [Fact]
    public async Task Get_reads_users_from_stdin_and_reports_each_one_missing()
    {
        var stdin = $"{fixture.IdOf("alice@example.com")}\nbob@example.com\nnobody@example.com\n";

        var result = await Tool.RunAsync(new ToolRun { Stdin = stdin }, fixture.WithConnection(["users", "get", "-", "-o", "json"]));

        result.ExitCode.ShouldBe(4, result.ToString());
        var emails = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("email").GetString());
        emails.ShouldBe(["alice@example.com", "bob@example.com"]);
        result.Stderr.ShouldContain("Not found: stdin line 3: no user has the email nobody@example.com");
    }

    [Fact]
    public async Task A_listing_piped_as_json_selects_the_users_of_a_bulk_run()
    {
        var listed = await fixture.RunAsync("user", "list", "--state", "SUSPENDED", "--format", "JSON");
        listed.ExitCode.ShouldBe(0, listed.ToString());

        var result = await Tool.RunAsync(new ToolRun { Stdin = listed.Stdout }, fixture.WithConnection(["users", "reactivate", "--dry-run", "-"]));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain($"would reactivate  {fixture.IdOf("sam@example.com")}  sam@example.com");
        result.Stdout.ShouldContain($"would reactivate  {fixture.IdOf("sue@example.com")}  sue@example.com");
        var suspended = JsonDocument.Parse(listed.Stdout).RootElement.GetArrayLength();
        result.Stdout.ShouldContain($"Summary: {suspended} would be reactivated, 0 already active, 0 would fail.");
    }

    [Fact]
    public async Task An_email_in_the_id_column_of_a_csv_is_used_as_an_email()
    {
        var path = Path.Combine(_directory, "mixed.csv");
        await File.WriteAllTextAsync(path, $"id,note\r\nerin@example.com,by email\r\n{fixture.IdOf("dave@example.com")},by id\r\n");

        var result = await fixture.RunAsync("users", "suspend", "--from-csv", path);

        result.ExitCode.ShouldBe(0, result.ToString());
        fixture.StateOf("erin@example.com").ShouldBe(UserState.Suspended);
        fixture.StateOf("dave@example.com").ShouldBe(UserState.Suspended);
    }

    [Fact]
    public async Task A_csv_on_stdin_works_like_a_file()
    {
        var csv = "email,display_name\r\nfrank@example.com,Frank\r\n";

        var result = await Tool.RunAsync(new ToolRun { Stdin = csv }, fixture.WithConnection(["users", "suspend", "--dry-run", "--from-csv", "-"]));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain($"would suspend  {fixture.IdOf("frank@example.com")}  frank@example.com");
    }

    [Fact]
    public async Task Stdin_can_be_named_only_once()
    {
        var result = await Tool.RunAsync(new ToolRun { Stdin = "x@example.com" }, fixture.WithConnection(["users", "suspend", "-", "--from-csv", "-"]));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("'-' (stdin) can be given only once");
    }

    [Theory]
    [InlineData("--output", "JSON")]
    [InlineData("-o", "Csv")]
    [InlineData("--format", "json")]
    [InlineData("--state", "SUSPENDED")]
    [InlineData("--state", "Active")]
    public async Task Option_values_are_case_insensitive(string flag, string value)
    {
        var result = await fixture.RunAsync("user", "list", flag, value);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_unknown_value_names_the_allowed_ones()
    {
        var result = await fixture.RunAsync("users", "list", "--format", "yaml");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("'yaml' is not a value of --output: use table, json, csv.");
    }
}
