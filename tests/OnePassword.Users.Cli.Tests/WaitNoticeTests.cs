using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Cli.Tests.Support;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Cli.Tests;

/// <summary>
/// A call that waits longer than about 2 s says what it waits for on a terminal's stderr, and the
/// note disappears when the wait is over. Each test makes one real wait of a few seconds.
/// </summary>
public sealed class WaitNoticeTests
{
    [Fact]
    public async Task A_slow_answer_is_named_while_it_is_awaited()
    {
        await using var demo = await DemoEmulator.StartAsync(users: 20);
        demo.Emulator.Faults.Latency = TimeSpan.FromSeconds(2.8);

        var result = await Tool.RunAsync(new ToolRun { StderrIsTerminal = true, Width = 120 }, ["users", "get", demo.Users[3].Id, .. demo.ConnectionArgs]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldContain($"waiting for {demo.Emulator.BaseUrl.Authority} to answer (3 s): GET …/users/{demo.Users[3].Id}");
        TerminalScreen.Render(result.Stderr, 120).Text.ShouldNotContain("waiting for");
        result.Stdout.ShouldContain(demo.Users[3].Email);
    }

    [Fact]
    public async Task A_wait_for_the_client_side_rate_limit_says_when_it_resumes()
    {
        await using var demo = await DemoEmulator.StartAsync(users: 30);
        var tuning = new ClientTuning(RateLimitRules: [new Runtime.RateLimitRule(3, TimeSpan.FromSeconds(4))]);
        string[] ids = [.. demo.Users.Skip(12).Take(6).Select(user => user.Id)];

        var result = await Tool.RunAsync(new ToolRun { StderrIsTerminal = true, Tuning = tuning }, ["users", "suspend", "--dry-run", .. ids, .. demo.ConnectionArgs]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldMatch(@"waiting for the rate limit, resumes in [1-3] s");
        result.Stderr.ShouldContain($"checking {ids[3]}");
        result.Stderr.ShouldMatch(@"Suspend \(dry run\)  [━─]+  3/6  50%  ETA [1-5] s");
        TerminalScreen.Render(result.Stderr, 80).Text.ShouldNotContain("waiting for");
    }

    [Fact]
    public async Task A_retry_after_the_servers_429_says_which_attempt_comes_next_and_when()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            DefaultClientSecret = DemoEmulator.Secret,
            RateLimits = [new Emulator.RateLimitRule(1, TimeSpan.FromSeconds(4))],
        });
        var users = emulator.State.ListUsers(emulator.DefaultAccountId);
        string[] connection = ["--base-url", emulator.BaseUrl.ToString(), "--client-id", emulator.DefaultClient.ClientId, "--client-secret", DemoEmulator.Secret, "--account", emulator.DefaultAccountId];

        var result = await Tool.RunAsync(
            new ToolRun { StderrIsTerminal = true, Width = 120, Tuning = new ClientTuning(RateLimitRules: []) },
            ["users", "get", users[20].Id, users[21].Id, "-o", "json", .. connection]);

        result.ExitCode.ShouldBe(0, result.ToString());
        emulator.Statistics.RateLimitedResponses.ShouldBeGreaterThan(0);
        result.Stderr.ShouldMatch($@"retrying GET …/users/{users[21].Id} in [1-3] s \(attempt 2 of 5\) after HTTP 429, rate limited by the server");
        result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }

    [Fact]
    public async Task Nothing_is_drawn_when_stderr_is_not_a_terminal()
    {
        await using var demo = await DemoEmulator.StartAsync(users: 20);
        demo.Emulator.Faults.Latency = TimeSpan.FromSeconds(2.3);

        var result = await Tool.RunAsync(new ToolRun(), ["users", "get", demo.Users[3].Id, .. demo.ConnectionArgs]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stderr.ShouldBeEmpty();
    }
}
