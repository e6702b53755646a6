using System.Text.Json;
using OnePassword.Users.Package.Tests.Support;

namespace OnePassword.Users.Package.Tests;

/// <summary>
/// The op-users tool as users get it: <c>dotnet tool install</c> from the feed into a tool
/// folder, then the installed command run against its embedded emulator.
/// </summary>
[Collection(PackageFeedGroup.Name)]
public sealed class ToolPackageTests(PackageFeedFixture feed)
{
    [Fact]
    public async Task The_installed_tool_lists_the_emulator_users_as_json_and_suspends_one()
    {
        var toolPath = Path.Combine(feed.Root, "tools");
        var install = await DotNet.RunAsync(
            feed.ConsumersDirectory,
            ["tool", "install", "OnePassword.Users.Cli", "--version", feed.Version, "--tool-path", toolPath,
             "--configfile", Path.Combine(feed.ConsumersDirectory, "nuget.config")],
            TimeSpan.FromMinutes(3),
            feed.ConsumerEnvironment);
        install.ExitCode.ShouldBe(0, install.ToString());
        var command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "op-users.exe" : "op-users");

        var list = await DotNet.RunProcessAsync(command, feed.ConsumersDirectory, ["users", "list", "--emulator", "--output", "json"], TimeSpan.FromMinutes(1));

        list.ExitCode.ShouldBe(0, list.ToString());
        using var users = JsonDocument.Parse(list.StandardOutput);
        users.RootElement.GetArrayLength().ShouldBeGreaterThan(100, list.ToString());
        users.RootElement.EnumerateArray().ShouldAllBe(user => user.GetProperty("id").GetString()!.Length > 0);

        // The emulator starts fresh each run, so an active demo user can be suspended.
        var active = users.RootElement.EnumerateArray().First(user => user.GetProperty("state").GetString() == "ACTIVE").GetProperty("id").GetString()!;
        var suspend = await DotNet.RunProcessAsync(command, feed.ConsumersDirectory, ["users", "suspend", active, "--emulator", "--journal", Path.Combine(feed.Root, "suspend.jsonl")], TimeSpan.FromMinutes(1));
        suspend.ExitCode.ShouldBe(0, suspend.ToString());
        suspend.StandardOutput.ShouldContain($"suspended      {active}", Case.Sensitive, suspend.ToString());
        suspend.StandardOutput.ShouldContain("Summary: 1 suspended, 0 already suspended, 0 failed.", Case.Sensitive, suspend.ToString());
    }
}
