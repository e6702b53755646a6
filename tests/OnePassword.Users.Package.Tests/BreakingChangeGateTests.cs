using System.Text.RegularExpressions;
using OnePassword.Users.Package.Tests.Support;
using Xunit.Abstractions;

namespace OnePassword.Users.Package.Tests;

/// <summary>
/// The README's "Upgrading from v1beta1 to v1" through a real build: the v1beta1 spec kept as a
/// baseline, the v1 spec in its place, breaking changes made errors in .editorconfig.
/// </summary>
[Collection(PackageFeedGroup.Name)]
public sealed partial class BreakingChangeGateTests(PackageFeedFixture feed, ITestOutputHelper output)
{
    [Fact]
    public async Task A_removed_operation_fails_the_build_with_OAG101_at_its_line_and_restoring_it_builds_with_unchanged_client_code()
    {
        var consumer = feed.CreateConsumer("BreakingChangeGate");
        feed.CopyFromRepo("openapi/users-api.yaml", consumer, "specs/baseline/users-api.v1beta1.yaml");
        var baselinePath = Path.Combine(consumer, "specs", "baseline", "users-api.v1beta1.yaml");
        var baseline = await File.ReadAllTextAsync(baselinePath);
        var specPath = Path.Combine(consumer, "specs", "users-api.yaml");
        var v1 = Specs.ToV1(baseline);
        await File.WriteAllTextAsync(specPath, Specs.WithoutReactivate(v1, "v1"));

        var broken = await feed.BuildAsync(consumer);

        broken.ExitCode.ShouldNotBe(0, broken.ToString());
        var errors = ErrorLine().Matches(broken.StandardOutput).Select(m => m.Value).Distinct().ToList();
        errors.ShouldHaveSingleItem(broken.ToString());
        // A removed operation has no line in the new spec; the diagnostic points at it in the baseline.
        var line = Specs.LineOf(baseline, "operationId: reactivateUser");
        errors[0].ShouldStartWith($"{baselinePath}({line},7): error OAG101: Breaking change: POST /v1beta1/accounts/{{account_id}}/users/{{user_id}}:reactivate was removed", Case.Sensitive, broken.ToString());

        await File.WriteAllTextAsync(specPath, v1);
        var fixedBuild = await feed.BuildAsync(consumer);
        output.WriteLine($"builds took {broken.Elapsed.TotalSeconds:F1} s and {fixedBuild.Elapsed.TotalSeconds:F1} s");

        fixedBuild.ExitCode.ShouldBe(0, fixedBuild.ToString());
        fixedBuild.StandardOutput.ShouldContain("0 Warning(s)", Case.Sensitive, fixedBuild.ToString());
        var run = await feed.RunAsync(consumer, "BreakingChangeGate");
        run.ExitCode.ShouldBe(0, run.ToString());
        SdkConsumerTests.Lines(run).ShouldBe(["suspend https://api.1password.com/v1/accounts/A/users/U:suspend"], run.ToString());
    }

    // "path(line,col): error CODE: message [project]" as MSBuild's console logger prints it.
    [GeneratedRegex(@"^\S.*\(\d+,\d+\): error [A-Z]+\d+: .*$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
