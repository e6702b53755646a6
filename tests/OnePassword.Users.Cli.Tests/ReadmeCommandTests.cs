using System.Diagnostics;
using OnePassword.Users.Cli.Tests.Support;
using OnePassword.Users.Emulator;
using OnePassword.Users.Testing;

namespace OnePassword.Users.Cli.Tests;

/// <summary>The README's commands for the tool and the standalone emulator do what the README says, with the files it names.</summary>
public sealed class ReadmeCommandTests
{
    [Fact]
    public void The_run_command_is_the_tool_on_its_emulator()
    {
        ReadmeSnippets.After("readme:run").ShouldHaveSingleItem().Trim().ShouldBe("dotnet run --project src/OnePassword.Users.Cli -- users list --emulator");
    }

    [Fact]
    public async Task The_emulator_example_starts_with_a_seed_file_that_ships()
    {
        var command = ReadmeSnippets.After("readme:emulator").ShouldHaveSingleItem().Trim();
        command.ShouldStartWith("dotnet run --project src/OnePassword.Users.Emulator -- ");
        var args = command[(command.IndexOf(" -- ", StringComparison.Ordinal) + 4)..].Split(' ');
        var seed = args[Array.IndexOf(args, "--seed") + 1];
        var expected = EmulatorSeed.FromJson(await File.ReadAllTextAsync(Path.Combine(ReadmeSnippets.RepoRoot, seed))).Users.Count;
        expected.ShouldBeGreaterThan(0);

        // The README's arguments as written, from the repository root; a later --port 0 takes a free port instead of 5099.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = ReadmeSnippets.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OnePassword.Users.Emulator.dll"));
        foreach (var arg in args.Append("--port").Append("0"))
        {
            start.ArgumentList.Add(arg);
        }

        using var emulator = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var printed = new List<string>();
            while (await emulator.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
            {
                printed.Add(line);
            }

            printed.ShouldContain(line => line.StartsWith("1Password Users API emulator listening on http://127.0.0.1:", StringComparison.Ordinal), string.Join("\n", printed));
            printed.ShouldContain(line => line.Trim().StartsWith("client secret:", StringComparison.Ordinal));
            printed.ShouldContain($"  users:         {expected}");
        }
        finally
        {
            emulator.Kill(entireProcessTree: true);
            await emulator.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task The_bulk_summary_shown_is_what_suspending_every_demo_user_prints()
    {
        // The embedded emulator's demo account, with its server-side rate limit off so 300 users take seconds.
        await using var demo = await DemoEmulator.StartAsync(users: 300);
        var csv = demo.WriteIds("all.csv", demo.Users);

        var result = await Tool.RunAsync(new ToolRun { Tuning = ToolRun.FastClient }, ["users", "suspend", "--from-csv", csv, .. demo.ConnectionArgs]);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stdout.ShouldContain(ReadmeSnippets.After("readme:bulk-summary").ShouldHaveSingleItem().Trim());
    }

    [Fact]
    public void The_csv_seed_holds_the_same_users_as_the_json_seed()
    {
        var json = EmulatorSeed.FromJson(File.ReadAllText(Path.Combine(ReadmeSnippets.RepoRoot, "samples/seeds/users.json")));
        var csv = EmulatorSeed.FromCsv(File.ReadAllText(Path.Combine(ReadmeSnippets.RepoRoot, "samples/seeds/users.csv")));

        csv.Users.ShouldBe(json.Users);
    }
}
