using System.Text.Json;
using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Cli.Interruption;
using OnePassword.Users.Cli.Tests.Support;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Cli.Tests;

/// <summary>The journal records each outcome as it happens, and <c>--resume</c> continues a stopped run without redoing what is done.</summary>
public sealed class JournalAndResumeTests
{
    [Fact]
    public async Task A_stopped_run_is_resumed_from_its_journal_and_each_user_is_changed_once()
    {
        await using var demo = await DemoEmulator.StartAsync(users: 80);
        var targets = demo.Users.Skip(12).Take(40).ToList();
        var active = targets.Count(user => user.State == UserState.Active);
        var csv = demo.WriteIds("targets.csv", targets);
        var journal = Path.Combine(demo.Directory, "run.jsonl");
        demo.Emulator.Faults.Latency = TimeSpan.FromMilliseconds(40);

        // The first run is stopped as Ctrl+C would stop it, once a dozen users are done.
        using var stop = new StopSignal();
        var first = Tool.RunAsync(new ToolRun { Stop = stop, Tuning = ToolRun.FastClient }, ["users", "suspend", "--from-csv", csv, "--journal", journal, .. demo.ConnectionArgs]);
        await DemoEmulator.WaitForOutcomesAsync(journal, 12, first);

        stop.Request(StopReason.Interrupt);
        var stopped = await first;

        stopped.ExitCode.ShouldBe(130, stopped.ToString());
        var done = DemoEmulator.JournalLines(journal, "outcome").Where(outcome => outcome.GetProperty("outcome").GetString() is "changed" or "already_in_state").ToList();
        done.Count.ShouldBeInRange(12, 39, stopped.ToString());
        stopped.Stdout.ShouldContain($"The run stopped by Ctrl+C (SIGINT) with {done.Count} of 40 users dealt with.");
        stopped.Stdout.ShouldContain($"{40 - done.Count} not done.");

        // What the journal says is done is exactly what the emulator shows changed.
        var suspendedNow = targets.Where(user => demo.StateOf(user.Id) == UserState.Suspended).Select(user => user.Id).Order();
        suspendedNow.ShouldBe(done.Select(outcome => outcome.GetProperty("user_id").GetString()!).Concat(targets.Where(user => user.State == UserState.Suspended).Select(user => user.Id)).Distinct().Order());
        DemoEmulator.JournalLines(journal, "attempt").Count.ShouldBe(DemoEmulator.JournalLines(journal, "outcome").Count(outcome => outcome.GetProperty("outcome").GetString() is "changed" or "failed" or "interrupted"));

        var resumed = await Tool.RunAsync(new ToolRun { Tuning = ToolRun.FastClient }, ["users", "suspend", "--resume", journal, .. demo.ConnectionArgs]);

        resumed.ExitCode.ShouldBe(0, resumed.ToString());
        resumed.Stderr.ShouldContain($"(continued: {done.Count} of 40 users done earlier)");
        resumed.Stdout.Split('\n').Count(line => line.EndsWith("(done in an earlier run)", StringComparison.Ordinal)).ShouldBe(done.Count);
        resumed.Stdout.ShouldContain($"{done.Count} done in an earlier run.");
        targets.ShouldAllBe(user => demo.StateOf(user.Id) == UserState.Suspended);
        demo.Emulator.Statistics.RequestsFor(EmulatorOperation.SuspendUser).ShouldBe(active);
        DemoEmulator.JournalLines(journal, "run").Select(run => run.GetProperty("resumed").GetBoolean()).ShouldBe([false, true]);
        DemoEmulator.JournalLines(journal, "end").Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_stop_during_a_rate_limit_wait_does_not_wait_for_the_permit()
    {
        await using var demo = await DemoEmulator.StartAsync(users: 30);
        var journal = Path.Combine(demo.Directory, "run.jsonl");
        var tuning = new ClientTuning(RateLimitRules: [new Runtime.RateLimitRule(3, TimeSpan.FromSeconds(30))]);
        string[] ids = [.. demo.Users.Skip(12).Take(6).Select(user => user.Id)];
        using var stop = new StopSignal();

        var run = Tool.RunAsync(new ToolRun { Stop = stop, Tuning = tuning }, ["users", "suspend", "--dry-run", .. ids, "--journal", journal, .. demo.ConnectionArgs]);
        await DemoEmulator.WaitForOutcomesAsync(journal, 3, run);
        await Task.Delay(300);
        var stoppedAt = DateTime.UtcNow;
        stop.Request(StopReason.Terminate);
        var result = await run;

        (DateTime.UtcNow - stoppedAt).ShouldBeLessThan(TimeSpan.FromSeconds(10), "the run waited for the permit it no longer needed");
        result.ExitCode.ShouldBe(143, result.ToString());
        var outcomes = DemoEmulator.JournalLines(journal, "outcome").Select(outcome => outcome.GetProperty("outcome").GetString()).ToList();
        outcomes.ShouldBe(["would_change", "would_change", "would_change", "interrupted", "not_attempted", "not_attempted"]);
        result.Stdout.ShouldContain($"not done       argument 4: {ids[3]}  (interrupted by SIGTERM before looking the user up was sent; nothing changed)");
        result.Stdout.ShouldContain("Summary: 3 would be suspended, 0 already suspended, 0 would fail, 3 not done.");
    }

    [Fact]
    public async Task A_stop_while_a_change_waits_to_be_retried_leaves_it_to_the_resume()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            DefaultClientSecret = DemoEmulator.Secret,
            RateLimits = [new Emulator.RateLimitRule(3, TimeSpan.FromSeconds(60))],
        });
        var users = emulator.State.ListUsers(emulator.DefaultAccountId).Skip(12).Where(user => user.State == UserState.Active).Take(3).ToList();
        var journal = Path.Combine(Tool.StateHome, $"retry-{Guid.NewGuid():N}.jsonl");
        using var stop = new StopSignal();

        // Two calls per user (look up, suspend) against three allowed a minute: the second suspend gets a 429 and waits to be retried.
        var run = Tool.RunAsync(
            new ToolRun { Stop = stop, Tuning = ToolRun.FastClient },
            ["users", "suspend", .. users.Select(user => user.Id), "--journal", journal, "--base-url", emulator.BaseUrl.ToString(),
             "--client-id", emulator.DefaultClient.ClientId, "--client-secret", DemoEmulator.Secret, "--account", emulator.DefaultAccountId]);
        while (!run.IsCompleted && emulator.Statistics.RateLimitedResponses == 0)
        {
            await Task.Delay(10);
        }

        stop.Request(StopReason.Interrupt);
        var result = await run;

        result.ExitCode.ShouldBe(130, result.ToString());
        result.Stdout.ShouldContain($"not done       {users[1].Id}  {users[1].Email}  (interrupted by Ctrl+C (SIGINT) while the suspend call waited to be retried; a resume tries it again)");
        DemoEmulator.JournalLines(journal, "attempt").Select(attempt => attempt.GetProperty("index").GetInt32()).ShouldBe([1, 2]);
        DemoEmulator.JournalLines(journal, "outcome").Select(outcome => outcome.GetProperty("outcome").GetString()).ShouldBe(["changed", "interrupted", "not_attempted"]);
    }

    [Fact]
    public async Task The_default_journal_location_is_printed_first_and_holds_every_outcome()
    {
        await using var demo = await DemoEmulator.StartAsync(users: 20);
        var state = Path.Combine(demo.Directory, "state");
        var environment = new Dictionary<string, string?> { ["XDG_STATE_HOME"] = state };

        var result = await Tool.RunAsync(new ToolRun(environment), ["users", "suspend", "--dry-run", demo.Users[13].Id, demo.Users[17].Email, "nobody@example.com", .. demo.ConnectionArgs]);

        result.ExitCode.ShouldBe(1, result.ToString());
        var journal = Directory.GetFiles(Path.Combine(state, "op-users", "journals")).ShouldHaveSingleItem();
        Path.GetFileName(journal).ShouldMatch(@"^\d{8}T\d{6}Z-suspend-[0-9a-f]{6}\.jsonl$");
        result.Stderr.Split('\n')[0].ShouldBe($"Journal: {journal}");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(journal).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var run = DemoEmulator.JournalLines(journal, "run").ShouldHaveSingleItem();
        run.GetProperty("action").GetString().ShouldBe("suspend");
        run.GetProperty("dry_run").GetBoolean().ShouldBeTrue();
        run.GetProperty("targets").EnumerateArray().Select(target => target.GetProperty("value").GetString()).ShouldBe([demo.Users[13].Id, demo.Users[17].Email, "nobody@example.com"]);
        DemoEmulator.JournalLines(journal, "outcome").Select(outcome => outcome.GetProperty("outcome").GetString()).ShouldBe(["would_change", "already_in_state", "failed"]);
        var end = DemoEmulator.JournalLines(journal, "end").ShouldHaveSingleItem();
        end.GetProperty("counts").GetProperty("would_change").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_journal_on_stdout_and_on_disk_agree_line_for_line()
    {
        await using var demo = await DemoEmulator.StartAsync(users: 20);
        var journal = Path.Combine(demo.Directory, "run.jsonl");

        var result = await Tool.RunAsync(new ToolRun(), ["users", "reactivate", demo.Users[17].Id, demo.Users[13].Email, "--journal", journal, "-o", "json", .. demo.ConnectionArgs]);

        result.ExitCode.ShouldBe(0, result.ToString());
        var onDisk = File.ReadAllLines(journal).Where(line => line.Contains("\"type\":\"outcome\"", StringComparison.Ordinal));
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => Without(line, "time")).ShouldBe(onDisk.Select(line => Without(line, "time")));
        result.Stderr.ShouldContain("Summary: 1 reactivated, 1 already active, 0 failed.");
    }

    [Fact]
    public async Task An_existing_journal_is_never_overwritten()
    {
        await using var demo = await DemoEmulator.StartAsync(users: 20);
        var journal = Path.Combine(demo.Directory, "taken.jsonl");
        await File.WriteAllTextAsync(journal, "{\"type\":\"run\"}\n");

        var result = await Tool.RunAsync(new ToolRun(), ["users", "suspend", demo.Users[13].Id, "--journal", journal, .. demo.ConnectionArgs]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("already exists. Continue that run with --resume");
        demo.StateOf(demo.Users[13].Id).ShouldBe(UserState.Active);
        (await File.ReadAllTextAsync(journal)).ShouldBe("{\"type\":\"run\"}\n");
    }

    [Theory]
    [InlineData("reactivate", "", "records a 'suspend' run")]
    [InlineData("suspend", "--dry-run", "records a run that changes users")]
    public async Task A_journal_resumes_only_the_run_it_records(string action, string flag, string message)
    {
        await using var demo = await DemoEmulator.StartAsync(users: 20);
        var journal = Path.Combine(demo.Directory, "run.jsonl");
        (await Tool.RunAsync(new ToolRun(), ["users", "suspend", demo.Users[13].Id, "--journal", journal, .. demo.ConnectionArgs])).ExitCode.ShouldBe(0);

        string[] args = ["users", action, "--resume", journal, .. demo.ConnectionArgs];
        var result = await Tool.RunAsync(new ToolRun(), flag.Length > 0 ? [.. args, flag] : args);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain(message);
    }

    [Fact]
    public async Task A_journal_cut_off_mid_line_still_resumes()
    {
        await using var demo = await DemoEmulator.StartAsync(users: 20);
        var journal = Path.Combine(demo.Directory, "run.jsonl");
        string[] ids = [demo.Users[13].Id, demo.Users[14].Id];
        (await Tool.RunAsync(new ToolRun(), ["users", "suspend", .. ids, "--dry-run", "--journal", journal, .. demo.ConnectionArgs])).ExitCode.ShouldBe(0);
        var lines = File.ReadAllLines(journal);
        await File.WriteAllTextAsync(journal, string.Join("\n", lines.Take(2)) + "\n" + lines[2][..20]);

        var result = await Tool.RunAsync(new ToolRun(), ["users", "suspend", "--dry-run", "--resume", journal, .. demo.ConnectionArgs]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain("its last line was cut off and is ignored");
        result.Stdout.ShouldContain("Summary: 2 would be suspended, 0 already suspended, 0 would fail.");
    }

    [Fact]
    public async Task A_run_that_cannot_connect_leaves_no_journal_behind()
    {
        var state = Directory.CreateTempSubdirectory("op-users-no-journal-").FullName;
        try
        {
            var result = await Tool.RunAsync(new Dictionary<string, string?> { ["XDG_STATE_HOME"] = state }, "users", "suspend", "someone@example.com");

            result.ExitCode.ShouldBe(2, result.ToString());
            result.Stderr.ShouldContain("missing --client-id");
            Directory.EnumerateFileSystemEntries(state).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Theory]
    [InlineData("not json at all\n{}\n", "line 1 is not JSON")]
    [InlineData("[1,2]\n{}\n", "line 1 is not a JSON object")]
    [InlineData("{\"type\":\"outcome\",\"index\":1}\n", "its first line is not a run record")]
    [InlineData("{\"type\":\"run\",\"version\":\"one\"}\n", "cannot resume (journal version one)")]
    [InlineData("{\"type\":\"run\",\"version\":1}\n", "lists no targets")]
    public async Task A_damaged_journal_is_refused_with_the_reason(string content, string reason)
    {
        await using var demo = await DemoEmulator.StartAsync(users: 20);
        var journal = Path.Combine(demo.Directory, "damaged.jsonl");
        await File.WriteAllTextAsync(journal, content);

        var result = await Tool.RunAsync(new ToolRun(), ["users", "suspend", "--resume", journal, .. demo.ConnectionArgs]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain(reason);
    }

    private static string Without(string json, string property)
    {
        using var document = JsonDocument.Parse(json);
        return string.Join(",", document.RootElement.EnumerateObject().Where(member => member.Name != property).Select(member => member.ToString()));
    }
}
