using System.Text.Json;
using OnePassword.Users.Cli.Tests.Support;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Cli.Tests;

/// <summary>
/// Issue 13, point 9: a bulk run under a failing network. Every target gets an outcome, and a run
/// of failures in a row stops the run with a summary of what was done and what remains. The
/// client's backoffs are shortened and its rate limit lifted, so 300 users take seconds.
/// </summary>
public sealed class NetworkFailureTests
{
    [Fact]
    public async Task With_half_the_connections_dropped_every_one_of_300_users_gets_an_outcome()
    {
        await using var demo = await DemoEmulator.StartAsync(users: 300);
        var before = demo.Users.ToDictionary(user => user.Id, user => user.State);
        var csv = demo.WriteIds("all.csv", demo.Users);
        demo.Emulator.Faults.DropConnectionRate = 0.5;

        var result = await Tool.RunAsync(new ToolRun { Tuning = ToolRun.FastClient }, ["users", "suspend", "--from-csv", csv, "--output", "json", .. demo.ConnectionArgs]);
        demo.Emulator.Faults.Reset();

        demo.Emulator.Statistics.DroppedConnections.ShouldBeGreaterThan(100);
        var outcomes = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        outcomes.Select(outcome => outcome.GetProperty("index").GetInt32()).ShouldBe(Enumerable.Range(1, 300), result.ToString());
        foreach (var outcome in outcomes)
        {
            var id = outcome.GetProperty("target").GetString()!;
            switch (outcome.GetProperty("outcome").GetString())
            {
                case "changed":
                    demo.StateOf(id).ShouldBe(UserState.Suspended);
                    before[id].ShouldBe(UserState.Active);
                    break;
                case "already_in_state":
                    before[id].ShouldBe(UserState.Suspended);
                    break;
                case "failed":
                    // The last owner's refusal, or a network failure that outlasted the retries: named, with its reason.
                    demo.StateOf(id).ShouldBe(UserState.Active);
                    outcome.GetProperty("failure").GetString().ShouldBeOneOf("refused", "network");
                    outcome.GetProperty("detail").GetString().ShouldNotBeNullOrEmpty();
                    break;
                default:
                    throw new ShouldAssertException($"Unexpected outcome: {outcome}");
            }
        }

        result.ExitCode.ShouldBe(1, result.ToString());
        var changed = outcomes.Count(outcome => outcome.GetProperty("outcome").GetString() == "changed");
        var failed = outcomes.Count(outcome => outcome.GetProperty("outcome").GetString() == "failed");
        result.Stderr.ShouldContain($"Summary: {changed} suspended, 29 already suspended, {failed} failed.");
        result.Stderr.ShouldNotContain("stopped");
    }

    [Fact]
    public async Task Failures_in_a_row_stop_the_run_with_a_summary_of_what_was_done_and_what_remains()
    {
        await using var demo = await DemoEmulator.StartAsync(users: 60);
        var active = demo.Users.Where(user => user.State == UserState.Active).Skip(12).Take(30).ToList();
        var csv = demo.WriteIds("some.csv", active);
        var journal = Path.Combine(demo.Directory, "run.jsonl");

        // The first ten go through (each answer takes a moment, so the test sees them come); then the network goes away for good.
        demo.Emulator.Faults.Latency = TimeSpan.FromMilliseconds(30);
        var run = Tool.RunAsync(new ToolRun { Tuning = ToolRun.FastClient }, ["users", "suspend", "--from-csv", csv, "--journal", journal, .. demo.ConnectionArgs]);
        await DemoEmulator.WaitForOutcomesAsync(journal, 10, run);

        demo.Emulator.Faults.DropConnectionRate = 1;
        var result = await run;

        result.ExitCode.ShouldBe(5, result.ToString());
        var outcomes = DemoEmulator.JournalLines(journal, "outcome");
        outcomes.Count.ShouldBe(30);
        var changed = outcomes.Where(outcome => outcome.GetProperty("outcome").GetString() == "changed").ToList();
        var failed = outcomes.Where(outcome => outcome.GetProperty("outcome").GetString() == "failed").ToList();
        var notAttempted = outcomes.Where(outcome => outcome.GetProperty("outcome").GetString() == "not_attempted").ToList();
        changed.Count.ShouldBeGreaterThanOrEqualTo(10);
        failed.Count.ShouldBe(5);
        failed.ShouldAllBe(outcome => outcome.GetProperty("failure").GetString() == "network");
        (changed.Count + failed.Count + notAttempted.Count).ShouldBe(30);
        foreach (var outcome in changed)
        {
            demo.StateOf(outcome.GetProperty("user_id").GetString()!).ShouldBe(UserState.Suspended);
        }

        foreach (var outcome in failed.Concat(notAttempted))
        {
            demo.StateOf(outcome.GetProperty("target").GetString()!).ShouldBe(UserState.Active);
        }

        result.Stdout.ShouldContain($"The run stopped after 5 network or server failures in a row (the last: network: ");
        result.Stdout.ShouldContain($"with {changed.Count + 5} of 30 users dealt with.");
        result.Stdout.ShouldContain($"Summary: {changed.Count} suspended, 0 already suspended, 5 failed, {notAttempted.Count} not done.");
        result.Stdout.ShouldContain($"--resume {journal}");
        result.Stderr.ShouldContain($"failed         some.csv line {changed.Count + 2}: {active[changed.Count].Id}: network: ");
        result.Stdout.ShouldContain($"not done       some.csv line 31: {active[29].Id}  (not attempted: stopped after 5 network or server failures in a row");
    }
}
