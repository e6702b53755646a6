using OnePassword.Users.Cli.Tests.Support;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Cli.Tests;

/// <summary>
/// The built tool as a real process, stopped mid-run with real signals while the emulator (in this
/// test process) answers slowly: the journal, the summary and the emulator's state must agree,
/// and the token must be revoked.
/// </summary>
public sealed class SignalTests
{
    private const int Targets = 60;

    [Theory]
    [InlineData("INT", 130, "Ctrl+C (SIGINT)")]
    [InlineData("TERM", 143, "SIGTERM")]
    public async Task A_signal_mid_run_stops_after_the_call_in_flight_with_the_record_complete(string signal, int exitCode, string named)
    {
        await using var demo = await DemoEmulator.StartAsync(users: 100);
        var (targets, csv, journal) = Prepare(demo);

        using var tool = ToolProcess.Start(Environment(demo), ["users", "suspend", "--from-csv", csv, "--journal", journal, .. demo.ConnectionArgs]);
        await DemoEmulator.WaitForOutcomesAsync(journal, 8, tool.Exited);
        await tool.SignalAsync(signal);
        var result = await tool.WaitAsync(TimeSpan.FromSeconds(30));

        result.ExitCode.ShouldBe(exitCode, result.ToString());
        var outcomes = DemoEmulator.JournalLines(journal, "outcome");
        var changed = outcomes.Where(outcome => outcome.GetProperty("outcome").GetString() == "changed").Select(outcome => outcome.GetProperty("user_id").GetString()!).ToList();
        changed.Count.ShouldBeGreaterThanOrEqualTo(8);
        changed.Count.ShouldBeLessThan(Targets, "the signal came too late to test anything");

        // The call in flight finished: every user the emulator suspended is on record as changed, and no call is left open.
        targets.Where(user => demo.StateOf(user.Id) == UserState.Suspended).Select(user => user.Id).Order().ShouldBe(changed.Order());
        var unanswered = DemoEmulator.JournalLines(journal, "attempt").Select(attempt => attempt.GetProperty("index").GetInt32())
            .Except(outcomes.Select(outcome => outcome.GetProperty("index").GetInt32()));
        unanswered.ShouldBeEmpty();

        // Every target has an outcome, on stdout and in the journal, and the summary adds up.
        outcomes.Select(outcome => outcome.GetProperty("index").GetInt32()).ShouldBe(Enumerable.Range(1, Targets));
        result.Stdout.Split('\n').Count(line => line.StartsWith("suspended ", StringComparison.Ordinal)).ShouldBe(changed.Count);
        result.Stdout.ShouldContain($"The run stopped by {named} with {changed.Count} of {Targets} users dealt with.");
        result.Stdout.ShouldContain($"Summary: {changed.Count} suspended, 0 already suspended, 0 failed, {Targets - changed.Count} not done.");
        result.Stdout.ShouldContain($"op-users users suspend --resume {journal}");
        DemoEmulator.JournalLines(journal, "end").ShouldHaveSingleItem().GetProperty("stopped").GetString().ShouldBe($"stopped by {named}");

        // And the token was revoked on the way out.
        demo.Emulator.Statistics.TokensIssued.ShouldBe(1);
        demo.Emulator.Statistics.TokensRevoked.ShouldBe(1);
        demo.Emulator.State.CountActiveTokens().ShouldBe(0);
    }

    [Fact]
    public async Task After_a_kill_9_the_journal_and_the_audit_log_hold_every_completed_call_and_the_resume_finishes_the_run()
    {
        await using var demo = await DemoEmulator.StartAsync(users: 100);
        var (targets, csv, journal) = Prepare(demo);
        var audit = Path.Combine(demo.Directory, "audit.jsonl");

        using (var tool = ToolProcess.Start(Environment(demo), ["users", "suspend", "--from-csv", csv, "--journal", journal, "--audit-log", audit, .. demo.ConnectionArgs]))
        {
            await DemoEmulator.WaitForOutcomesAsync(journal, 8, tool.Exited);
            await tool.SignalAsync("KILL");
            (await tool.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode.ShouldBe(137);
        }

        // Every change the emulator made is on record: as an outcome, or as the one call that was on the wire.
        var changed = DemoEmulator.JournalLines(journal, "outcome").Where(outcome => outcome.GetProperty("outcome").GetString() == "changed").Select(outcome => outcome.GetProperty("user_id").GetString()!).ToHashSet();
        var open = DemoEmulator.JournalLines(journal, "attempt").Select(attempt => attempt.GetProperty("user_id").GetString()!).Where(id => !changed.Contains(id)).ToList();
        open.Count.ShouldBeLessThanOrEqualTo(1);
        var suspended = targets.Where(user => demo.StateOf(user.Id) == UserState.Suspended).Select(user => user.Id).ToHashSet();
        suspended.IsSupersetOf(changed).ShouldBeTrue();
        suspended.IsSubsetOf(changed.Concat(open)).ShouldBeTrue();

        // The SDK writes each audit record when its call ends, flushed at once: every change the
        // emulator made is there too, the one on the wire at the kill at most missing.
        var audited = File.ReadAllLines(audit).Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Where(record => record.GetProperty("outcome").GetString() == "succeeded")
            .Select(record => record.GetProperty("resource").GetString()!.Split('/')[^1]).ToHashSet();
        audited.IsSupersetOf(changed).ShouldBeTrue();
        suspended.IsSupersetOf(audited).ShouldBeTrue();

        demo.Emulator.Faults.Reset();
        using var resume = ToolProcess.Start(Environment(demo), ["users", "suspend", "--resume", journal, .. demo.ConnectionArgs]);
        var result = await resume.WaitAsync(TimeSpan.FromSeconds(60));

        result.ExitCode.ShouldBe(0, result.ToString());
        targets.ShouldAllBe(user => demo.StateOf(user.Id) == UserState.Suspended);
        result.Stdout.ShouldContain($"{changed.Count} done in an earlier run.");
        if (open.Count == 1)
        {
            result.Stderr.ShouldContain("1 call(s) had been sent when the earlier run was killed, so those users are checked again");
        }
    }

    private static (List<EmulatorUser> Targets, string Csv, string Journal) Prepare(DemoEmulator demo)
    {
        // Members only (no owner refusal), all active; each call answers after 150 ms, so the run is mid-way when the signal comes.
        var targets = demo.Users.Skip(12).Where(user => user.State == UserState.Active).Take(Targets).ToList();
        demo.Emulator.Faults.Latency = TimeSpan.FromMilliseconds(150);
        return (targets, demo.WriteIds("targets.csv", targets), Path.Combine(demo.Directory, "run.jsonl"));
    }

    private static Dictionary<string, string> Environment(DemoEmulator demo) => new() { ["XDG_STATE_HOME"] = demo.Directory };
}
