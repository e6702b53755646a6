using OnePassword.Users.Cli.Tests.Support;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Cli.Tests;

/// <summary>
/// What a person sees on a terminal of 60, 80 or 120 columns: the tool's output is played through
/// <see cref="TerminalScreen"/>, and no value may be cut, no row may overflow, and the live
/// display must leave only the outcome lines and the summary behind.
/// </summary>
public sealed class TerminalRenderingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(120)]
    public async Task The_user_list_shows_every_value_whole_at_any_width(int width)
    {
        var result = await fixture.RunAsync(ToolRun.Terminal(width) with { StderrIsTerminal = false, SharedScreen = false }, "users", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        var screen = TerminalScreen.Render(result.Stdout, width);
        screen.WidestRow.ShouldBeLessThanOrEqualTo(width, screen.Text);
        screen.Text.ShouldNotContain("…");
        var records = width >= 120 ? TableRecords(screen) : BlockRecords(screen);
        records.Count.ShouldBe(EmulatorFixture.Users.Count, screen.Text);
        foreach (var user in fixture.Emulator.State.ListUsers(EmulatorFixture.Account))
        {
            records.ShouldContainKey(user.Id, screen.Text);
            var record = records[user.Id];
            record["email"].ShouldBe(user.Email);
            record["display_name"].ShouldBe(user.DisplayName.Replace(" ", string.Empty, StringComparison.Ordinal));
            record["state"].ShouldBe(user.State.ToString().ToUpperInvariant());
            record["create_time"].ShouldBe(user.CreateTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(120)]
    public async Task One_user_is_shown_whole_at_any_width(int width)
    {
        var id = fixture.IdOf("mallory.long.address@example.com");

        var result = await fixture.RunAsync(ToolRun.Terminal(width) with { StderrIsTerminal = false, SharedScreen = false }, "users", "get", id);

        result.ExitCode.ShouldBe(0, result.ToString());
        var screen = TerminalScreen.Render(result.Stdout, width);
        screen.WidestRow.ShouldBeLessThanOrEqualTo(width, screen.Text);
        screen.Text.ShouldNotContain("…");
        var record = (width >= 120 ? TableRecords(screen) : BlockRecords(screen)).ShouldHaveSingleItem();
        record.Key.ShouldBe(id);
        record.Value["email"].ShouldBe("mallory.long.address@example.com");
        record.Value["display_name"].ShouldBe("=HYPERLINK(\"http://evil.example\")");
        record.Value["state"].ShouldBe("ACTIVE");
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(120)]
    public async Task A_bulk_run_streams_its_lines_above_a_live_display_that_leaves_no_trace(int width)
    {
        var emails = new[] { "alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com", "sam@example.com", "nobody@example.com" };
        fixture.Emulator.Faults.Latency = TimeSpan.FromMilliseconds(150);
        CliResult result;
        try
        {
            result = await fixture.RunAsync(ToolRun.Terminal(width), ["users", "suspend", "--dry-run", .. emails]);
        }
        finally
        {
            fixture.Emulator.Faults.Reset();
        }

        result.ExitCode.ShouldBe(1, result.ToString());
        var screen = TerminalScreen.Render(result.Stdout, width);
        screen.WidestRow.ShouldBeLessThanOrEqualTo(width, screen.Text);

        // The display was drawn while the run went on ...
        result.Stdout.ShouldContain("Suspend (dry run)");
        result.Stdout.ShouldContain($"/{emails.Length}");

        // ... and only the lines written above it remain, each once, in order, followed by the summary.
        var lines = screen.Lines.Where(line => line.Length > 0).ToList();
        lines.ShouldNotContain(line => line.Contains("ETA", StringComparison.Ordinal), screen.Text);
        var outcomes = lines.Where(line => line.StartsWith("would suspend", StringComparison.Ordinal) || line.StartsWith("skipped", StringComparison.Ordinal) || line.StartsWith("failed", StringComparison.Ordinal)).ToList();
        outcomes.Count.ShouldBe(emails.Length, screen.Text);
        outcomes[0].ShouldBe($"would suspend  {fixture.IdOf("alice@example.com")}  alice@example.com");
        outcomes[4].ShouldBe($"skipped        {fixture.IdOf("sam@example.com")}  sam@example.com  (already suspended)");
        outcomes[5].ShouldBe("failed         argument 6: nobody@example.com: no user has this email address");
        lines.ShouldContain("Summary: 4 would be suspended, 1 already suspended, 1 would fail.");
        lines.IndexOf("Summary: 4 would be suspended, 1 already suspended, 1 would fail.").ShouldBeGreaterThan(lines.IndexOf(outcomes[5]));
    }

    /// <summary>Users from a Spectre table: a record starts on a row with an id; wrapped names continue on the rows below.</summary>
    private static Dictionary<string, Dictionary<string, string>> TableRecords(TerminalScreen screen)
    {
        var records = new Dictionary<string, Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var row in screen.Rows.Where(row => row.StartsWith('│')))
        {
            var cells = row.Split('│')[1..^1].Select(cell => cell.Trim()).ToArray();
            if (cells[0] == "ID")
            {
                continue;
            }

            if (cells[0].Length > 0)
            {
                current = new Dictionary<string, string> { ["email"] = cells[1], ["display_name"] = string.Empty, ["state"] = cells[3], ["create_time"] = cells[4] };
                records[cells[0]] = current;
            }

            current!["display_name"] += cells[2].Replace(" ", string.Empty, StringComparison.Ordinal);
        }

        return records;
    }

    /// <summary>Users from key: value blocks.</summary>
    private static Dictionary<string, Dictionary<string, string>> BlockRecords(TerminalScreen screen)
    {
        var records = new Dictionary<string, Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in screen.Lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.Contains(' ', StringComparison.Ordinal) && line.IndexOf(' ', StringComparison.Ordinal) < colon)
            {
                continue;
            }

            var (key, value) = (line[..colon], line[(colon + 1)..].Trim());
            if (key == "id")
            {
                current = [];
                records[value] = current;
            }
            else if (current is not null)
            {
                current[key] = key == "display_name" ? value.Replace(" ", string.Empty, StringComparison.Ordinal) : value;
            }
        }

        return records;
    }
}
