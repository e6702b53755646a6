using System.Text.Json;
using OnePassword.Users.Cli.Tests.Support;

namespace OnePassword.Users.Cli.Tests;

/// <summary>Every format says the same thing in the same order, with the API's own values, and CSV cannot smuggle a formula into a spreadsheet.</summary>
public sealed class OutputFormatTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private static readonly string[] WireOrder = ["id", "email", "display_name", "state", "create_time"];

    private readonly string _directory = Directory.CreateTempSubdirectory("op-users-output-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Json_mirrors_the_wire_format()
    {
        var result = await fixture.RunAsync("users", "get", fixture.IdOf("sam@example.com"), "--output", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.EnumerateObject().Select(property => property.Name).ShouldBe([.. WireOrder, "path"]);
        json.RootElement.GetProperty("state").GetString().ShouldBe("SUSPENDED");
        json.RootElement.GetProperty("create_time").GetString().ShouldBe("2024-01-01T17:00:00Z");
    }

    [Fact]
    public async Task Json_keeps_an_email_as_written()
    {
        var user = fixture.Emulator.State.AddUser(EmulatorFixture.Account, "plus+tag@example.com", "Plus <Tag>");

        var result = await fixture.RunAsync("users", "get", user.Id, "--output", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("\"email\":\"plus+tag@example.com\",\"display_name\":\"Plus <Tag>\"");
    }

    [Fact]
    public async Task The_columns_come_in_one_order_everywhere()
    {
        var plain = await fixture.RunAsync("users", "list");
        var csv = await fixture.RunAsync("users", "list", "--output", "csv");
        var table = await fixture.RunAsync(new ToolRun { StdoutIsTerminal = true, Width = 200 }, "users", "list");

        plain.Stdout.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["ID", "EMAIL", "NAME", "STATE", "CREATED"]);
        csv.Stdout.Split("\r\n")[0].Split(',').ShouldBe(WireOrder);
        table.Stdout.Split('\n').First(line => line.Contains("ID", StringComparison.Ordinal)).Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ShouldBe(["ID", "EMAIL", "NAME", "STATE", "CREATED"]);
    }

    [Fact]
    public async Task Piped_columns_stay_aligned_past_a_long_email()
    {
        var result = await fixture.RunAsync("users", "list");

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var nameColumn = lines[0].IndexOf("NAME", StringComparison.Ordinal);
        var stateColumn = lines[0].IndexOf("STATE", StringComparison.Ordinal);
        foreach (var user in EmulatorFixture.Users)
        {
            var line = lines.Single(line => line.Contains(user.Email, StringComparison.Ordinal));
            line[nameColumn..].ShouldStartWith(user.DisplayName!);
            line[stateColumn..].ShouldStartWith(user.State == Emulator.UserState.Suspended ? "SUSPENDED" : "ACTIVE");
        }
    }

    [Fact]
    public async Task Csv_guards_cells_that_a_spreadsheet_would_run_as_formulas_and_reads_them_back()
    {
        var result = await fixture.RunAsync("users", "list", "--output", "csv");

        result.ExitCode.ShouldBe(0, result.ToString());
        var mallory = result.Stdout.Split("\r\n").Single(line => line.Contains("mallory.long.address@example.com", StringComparison.Ordinal));
        mallory.ShouldContain(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",");
        result.Stdout.ShouldNotContain(",=", Case.Sensitive);

        // The guard comes off when the tool reads its own CSV back.
        var path = Path.Combine(_directory, "users.csv");
        await File.WriteAllTextAsync(path, "id,display_name\r\n'-" + "NOTANID,'=1+1\r\n");
        var dryRun = await fixture.RunAsync("users", "suspend", "--dry-run", "--from-csv", path);
        dryRun.Stderr.ShouldContain("users.csv line 2: -NOTANID: user not found");
    }

    [Fact]
    public async Task Help_says_that_csv_cells_are_guarded()
    {
        var result = await Tool.RunAsync("users", "list", "--help");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("cells starting with = + - @");
        result.Stdout.ShouldContain("--format");
    }
}
