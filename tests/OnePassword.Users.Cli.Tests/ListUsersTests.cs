using System.Text.Json;
using Microsoft.VisualBasic.FileIO;
using OnePassword.Users.Cli.Tests.Support;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Cli.Tests;

public sealed class ListUsersTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Piped_table_lists_every_user_in_aligned_columns()
    {
        var result = await fixture.RunAsync("users", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldStartWith("ID");
        lines.Length.ShouldBe(EmulatorFixture.Users.Count + 1, result.ToString());
        var emailColumn = lines[0].IndexOf("EMAIL", StringComparison.Ordinal);
        foreach (var user in EmulatorFixture.Users)
        {
            lines.ShouldContain(line => line.Substring(emailColumn).StartsWith(user.Email, StringComparison.Ordinal), user.Email);
        }
    }

    [Fact]
    public async Task State_filter_lists_only_suspended_users()
    {
        var result = await fixture.RunAsync("users", "list", "--state", "suspended", "--output", "csv");

        result.ExitCode.ShouldBe(0, result.ToString());
        var emails = ParseCsv(result.Stdout).Skip(1).Select(row => row[1]).ToList();
        emails.ShouldBe(["sam@example.com", "sue@example.com"], ignoreOrder: true);
    }

    [Fact]
    public async Task Small_pages_still_stream_every_user()
    {
        var listsBefore = fixture.Emulator.Statistics.RequestsFor(EmulatorOperation.ListUsers);

        var result = await fixture.RunAsync("users", "list", "--page-size", "3", "--output", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetArrayLength().ShouldBe(EmulatorFixture.Users.Count);
        (fixture.Emulator.Statistics.RequestsFor(EmulatorOperation.ListUsers) - listsBefore).ShouldBe(4);
    }

    [Fact]
    public async Task Json_output_parses_back_to_the_api_user_objects()
    {
        var result = await fixture.RunAsync("users", "list", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var users = json.RootElement.EnumerateArray().ToList();
        users.Select(user => user.GetProperty("email").GetString()).ShouldBe(EmulatorFixture.Users.Select(user => user.Email));
        var sam = users.Single(user => user.GetProperty("email").GetString() == "sam@example.com");
        sam.GetProperty("id").GetString().ShouldBe(fixture.IdOf("sam@example.com"));
        sam.GetProperty("state").GetString().ShouldBe("SUSPENDED");
        sam.GetProperty("display_name").GetString().ShouldBe("Sam Stone");
    }

    [Fact]
    public async Task Csv_output_is_rfc_4180_and_parses_back()
    {
        var result = await fixture.RunAsync("users", "list", "--output", "csv");

        result.ExitCode.ShouldBe(0, result.ToString());
        var frankLine = result.Stdout.Split("\r\n").Single(line => line.Contains("frank@example.com", StringComparison.Ordinal));
        frankLine.ShouldEndWith(",\"Frank \"\"The Tank\"\", Fox\",ACTIVE,2024-01-01T16:00:00Z");
        var rows = ParseCsv(result.Stdout);
        rows[0].ShouldBe(["id", "email", "display_name", "state", "create_time"]);
        var frank = rows.Single(row => row[1] == "frank@example.com");
        frank.ShouldBe([fixture.IdOf("frank@example.com"), "frank@example.com", "Frank \"The Tank\", Fox", "ACTIVE", "2024-01-01T16:00:00Z"]);
        rows.Count.ShouldBe(EmulatorFixture.Users.Count + 1);
    }

    [Fact]
    public async Task Terminal_output_is_a_table_with_every_user()
    {
        var result = await fixture.RunAsync(new ToolRun { StdoutIsTerminal = true, Width = 120 }, "users", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("╭");
        result.Stdout.ShouldContain($"{EmulatorFixture.Users.Count} user(s)");
        foreach (var user in EmulatorFixture.Users)
        {
            result.Stdout.ShouldContain(fixture.IdOf(user.Email), customMessage: result.Stdout);
            result.Stdout.ShouldContain(user.Email, customMessage: result.Stdout);
        }
    }

    [Theory]
    [InlineData("--page-size", "0")]
    [InlineData("--page-size", "1001")]
    [InlineData("--state", "deleted")]
    [InlineData("--output", "xml")]
    public async Task Bad_values_are_usage_errors(string flag, string value)
    {
        var result = await fixture.RunAsync("users", "list", flag, value);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain(value);
        result.Stdout.ShouldBeEmpty();
    }

    private static List<string[]> ParseCsv(string text)
    {
        // An independent RFC 4180 reader, so the test does not grade the tool with its own parser.
        using var parser = new TextFieldParser(new StringReader(text)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }

        return rows;
    }
}
