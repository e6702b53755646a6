using OnePassword.Users.Cli.Tests.Support;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Cli.Tests;

/// <summary>Suspend and reactivate, one and many users. Each test changes its own users of the class's emulator.</summary>
public sealed class ChangeStateTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("op-users-cli-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Suspends_a_user_by_id()
    {
        var id = fixture.IdOf("alice@example.com");

        var result = await fixture.RunAsync("users", "suspend", id);

        result.ExitCode.ShouldBe(0, result.ToString());
        fixture.StateOf("alice@example.com").ShouldBe(UserState.Suspended);
        result.Stdout.ShouldContain($"suspended      {id}  alice@example.com");
        result.Stdout.ShouldContain("Summary: 1 suspended, 0 already suspended, 0 failed.");
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldHaveSingleItem().ShouldStartWith("Journal: ");
    }

    [Fact]
    public async Task The_audit_log_gets_one_json_line_per_change_and_refusal_and_none_for_reads()
    {
        var audit = Path.Combine(_directory, "audit.jsonl");
        var owner = fixture.IdOf("owner@example.com");
        var grace = fixture.IdOf("grace@example.com");

        var result = await fixture.RunAsync("users", "suspend", grace, owner, "--audit-log", audit);
        await fixture.RunAsync("users", "get", grace, "--audit-log", audit);

        result.ExitCode.ShouldBe(1, result.ToString());
        var records = File.ReadAllLines(audit).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement).ToList();
        records.Count.ShouldBe(2);
        records[0].GetProperty("operation").GetString().ShouldBe("suspendUser");
        records[0].GetProperty("resource").GetString().ShouldBe($"accounts/{EmulatorFixture.Account}/users/{grace}");
        records[0].GetProperty("outcome").GetString().ShouldBe("succeeded");
        records[0].GetProperty("status").GetInt32().ShouldBe(200);
        records[1].GetProperty("outcome").GetString().ShouldBe("rejected");
        records[1].GetProperty("rpc_code").GetInt32().ShouldBe(7);
        File.ReadAllText(audit).ShouldNotContain(fixture.Emulator.DefaultClient.ClientSecret);
    }

    [Fact]
    public async Task A_flag_the_command_does_not_have_is_a_usage_error_not_a_user_id()
    {
        var id = fixture.IdOf("alice@example.com");
        var suspendsBefore = fixture.Emulator.Statistics.RequestsFor(EmulatorOperation.SuspendUser);

        var result = await fixture.RunAsync("users", "suspend", id, "--page-size", "3");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("Unrecognized option '--page-size'");
        result.Stdout.ShouldBeEmpty();
        fixture.Emulator.Statistics.RequestsFor(EmulatorOperation.SuspendUser).ShouldBe(suspendsBefore);
    }

    [Fact]
    public async Task A_user_already_in_the_target_state_is_skipped_without_a_call()
    {
        var suspendsBefore = fixture.Emulator.Statistics.RequestsFor(EmulatorOperation.SuspendUser);

        var result = await fixture.RunAsync("users", "suspend", fixture.IdOf("sam@example.com"));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("(already suspended)");
        result.Stdout.ShouldContain("Summary: 0 suspended, 1 already suspended, 0 failed.");
        fixture.Emulator.Statistics.RequestsFor(EmulatorOperation.SuspendUser).ShouldBe(suspendsBefore);
    }

    [Fact]
    public async Task A_nonexistent_user_is_reported_and_the_rest_continue()
    {
        var result = await fixture.RunAsync("users", "suspend", "NOSUCHUSER2345ABCDEFGHIJKL", fixture.IdOf("bob@example.com"));

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("argument 1: NOSUCHUSER2345ABCDEFGHIJKL: user not found");
        fixture.StateOf("bob@example.com").ShouldBe(UserState.Suspended);
        result.Stdout.ShouldContain("Summary: 1 suspended, 0 already suspended, 1 failed.");
    }

    [Fact]
    public async Task The_last_owner_is_refused_and_stays_active()
    {
        var result = await fixture.RunAsync("users", "suspend", "owner@example.com");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("owner@example.com: refused: this is the account's last active owner");
        fixture.StateOf("owner@example.com").ShouldBe(UserState.Active);
        result.Stdout.ShouldContain("Summary: 0 suspended, 0 already suspended, 1 failed.");
    }

    [Fact]
    public async Task Dry_run_reports_what_would_change_and_changes_nothing()
    {
        var suspendsBefore = fixture.Emulator.Statistics.RequestsFor(EmulatorOperation.SuspendUser);

        var result = await fixture.RunAsync("users", "suspend", "--dry-run", fixture.IdOf("carol@example.com"), "dave@example.com");

        result.ExitCode.ShouldBe(0, result.ToString());
        fixture.StateOf("carol@example.com").ShouldBe(UserState.Active);
        fixture.StateOf("dave@example.com").ShouldBe(UserState.Active);
        fixture.Emulator.Statistics.RequestsFor(EmulatorOperation.SuspendUser).ShouldBe(suspendsBefore);
        result.Stdout.Split('\n').Count(line => line.StartsWith("would suspend  ", StringComparison.Ordinal)).ShouldBe(2);
        result.Stdout.ShouldContain($"would suspend  {fixture.IdOf("carol@example.com")}  carol@example.com");
        result.Stdout.ShouldContain("Summary: 2 would be suspended, 0 already suspended, 0 would fail.");
        result.Stdout.ShouldContain("Dry run: nothing was changed.");
    }

    [Fact]
    public async Task A_dry_run_that_finds_a_user_who_would_fail_exits_1()
    {
        var result = await fixture.RunAsync("users", "suspend", "--dry-run", "carol@example.com", "nobody@example.com");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("argument 2: nobody@example.com: no user has this email address");
        result.Stdout.ShouldContain("Summary: 1 would be suspended, 0 already suspended, 1 would fail.");
    }

    [Fact]
    public async Task A_user_named_twice_is_changed_once()
    {
        var result = await fixture.RunAsync("users", "suspend", "--dry-run", "carol@example.com", fixture.IdOf("carol@example.com"));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("(named earlier in this batch)");
        result.Stdout.ShouldContain("Summary: 1 would be suspended, 0 already suspended, 0 would fail, 1 named twice.");
    }

    [Fact]
    public async Task Reactivates_a_user_by_email()
    {
        var result = await fixture.RunAsync("users", "reactivate", "SUE@example.com");

        result.ExitCode.ShouldBe(0, result.ToString());
        fixture.StateOf("sue@example.com").ShouldBe(UserState.Active);
        result.Stdout.ShouldContain($"reactivated       {fixture.IdOf("sue@example.com")}  sue@example.com");
    }

    [Fact]
    public async Task A_csv_with_bad_rows_reports_them_and_processes_the_others()
    {
        var csv = Write("users.csv", "email\r\nnot-an-email\r\nerin@example.com\r\nnobody@example.com\r\n");

        var result = await fixture.RunAsync("users", "suspend", "--from-csv", csv);

        result.ExitCode.ShouldBe(1, result.ToString());
        fixture.StateOf("erin@example.com").ShouldBe(UserState.Suspended);
        result.Stderr.ShouldContain("users.csv line 2: not-an-email: 'not-an-email' is not an email address");
        result.Stderr.ShouldContain("users.csv line 4: nobody@example.com: no user has this email address");
        result.Stdout.ShouldContain("Summary: 1 suspended, 0 already suspended, 2 failed.");
    }

    [Fact]
    public async Task A_csv_without_header_may_mix_ids_and_emails()
    {
        var csv = Write("plain.csv", $"{fixture.IdOf("admin@example.com")}\nfrank@example.com\n\n");

        var result = await fixture.RunAsync("users", "suspend", "--from-csv", csv);

        result.ExitCode.ShouldBe(0, result.ToString());
        fixture.StateOf("admin@example.com").ShouldBe(UserState.Suspended);
        fixture.StateOf("frank@example.com").ShouldBe(UserState.Suspended);
        result.Stdout.ShouldContain("Summary: 2 suspended, 0 already suspended, 0 failed.");
    }

    [Fact]
    public async Task List_csv_output_feeds_back_into_a_bulk_command()
    {
        var listed = await fixture.RunAsync("users", "list", "--state", "suspended", "--output", "csv");
        var rows = listed.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        rows.ShouldBeGreaterThan(0);
        var csv = Write("suspended.csv", listed.Stdout);

        var result = await fixture.RunAsync("users", "reactivate", "--dry-run", "--from-csv", csv);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain($"Summary: {rows} would be reactivated, 0 already active, 0 would fail.");
        result.Stdout.Split('\n').Count(line => line.StartsWith("would reactivate  ", StringComparison.Ordinal)).ShouldBe(rows);
    }

    [Fact]
    public async Task A_terminal_on_stdout_gets_the_same_outcome_lines()
    {
        var result = await fixture.RunAsync(new ToolRun { StdoutIsTerminal = true, Width = 120 }, "users", "suspend", "--dry-run", "carol@example.com");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain($"would suspend  {fixture.IdOf("carol@example.com")}  carol@example.com");
        result.Stdout.ShouldContain("Summary: 1 would be suspended, 0 already suspended, 0 would fail.");
    }

    [Fact]
    public async Task Nothing_to_change_is_a_usage_error()
    {
        var result = await fixture.RunAsync("users", "suspend");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("Nothing to suspend");
    }

    [Fact]
    public async Task A_missing_csv_file_is_a_usage_error()
    {
        var result = await fixture.RunAsync("users", "suspend", "--from-csv", Path.Combine(_directory, "absent.csv"));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("Cannot read --from-csv file");
    }

    [Fact]
    public async Task A_csv_with_several_columns_and_no_id_or_email_header_is_a_usage_error()
    {
        var csv = Write("wide.csv", "name,role\nAlice,member\n");

        var result = await fixture.RunAsync("users", "suspend", "--from-csv", csv);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("no header row naming an 'id' or 'email' column");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
