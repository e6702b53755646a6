using System.Diagnostics;
using System.Text.Json;

namespace OnePassword.Users.Cli.Tests;

/// <summary>The built tool as a real process: Program's wiring of args, console, environment and exit code.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task The_built_tool_lists_the_emulator_users_as_json()
    {
        var toolPath = Path.Combine(AppContext.BaseDirectory, "op-users.dll");
        File.Exists(toolPath).ShouldBeTrue(toolPath);
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { toolPath, "users", "list", "--emulator", "--output", "json" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.ShouldBe(0, await stderr);
        using var json = JsonDocument.Parse(await stdout);
        json.RootElement.GetArrayLength().ShouldBe(300);
    }

    [Fact]
    public async Task The_built_tool_exits_2_on_an_unknown_flag()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "op-users.dll"), "users", "list", "--nope" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.ShouldBe(2);
        (await stderr).ShouldContain("--nope");
    }
}
