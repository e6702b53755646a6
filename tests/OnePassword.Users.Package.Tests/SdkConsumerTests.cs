using OnePassword.Users.Package.Tests.Support;
using Xunit.Abstractions;

namespace OnePassword.Users.Package.Tests;

/// <summary>A partner's app restores the SDK and emulator packages from the feed and runs against the emulator.</summary>
[Collection(PackageFeedGroup.Name)]
public sealed class SdkConsumerTests(PackageFeedFixture feed, ITestOutputHelper output)
{
    [Fact]
    public async Task The_sdk_package_lists_suspends_and_reactivates_users_of_the_emulator_package()
    {
        var consumer = feed.CreateConsumer("SdkWithEmulator");

        var build = await feed.BuildAsync(consumer);
        output.WriteLine($"build took {build.Elapsed.TotalSeconds:F1} s");
        build.ExitCode.ShouldBe(0, build.ToString());
        build.StandardOutput.ShouldContain("0 Warning(s)", Case.Sensitive, build.ToString());
        Directory.EnumerateDirectories(feed.PackagesDirectory).Select(Path.GetFileName).ShouldContain("onepassword.users", build.ToString());

        var run = await feed.RunAsync(consumer, "SdkWithEmulator");
        output.WriteLine(run.ToString());

        run.ExitCode.ShouldBe(0, run.ToString());
        Lines(run).ShouldBe(
        [
            "listed owner@example.com Active",
            "listed wendy@example.com Active",
            "listed riley@example.com Suspended",
            "suspended wendy@example.com Suspended",
            "emulator state Suspended",
            "reactivated wendy@example.com Active",
            "not found 404",
            "suspend requests 1",
            $"user agent OnePassword.Users.Sdk/{feed.Version}",
        ], run.ToString());
    }

    internal static string[] Lines(ProcessResult result) =>
        result.StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
