using OnePassword.Users.Package.Tests.Support;
using Xunit.Abstractions;

namespace OnePassword.Users.Package.Tests;

/// <summary>
/// A partner generates clients from their own specs with the generator and runtime packages,
/// as the README's "Use the generator with your own spec" shows.
/// </summary>
[Collection(PackageFeedGroup.Name)]
public sealed class GeneratorConsumerTests(PackageFeedFixture feed, ITestOutputHelper output)
{
    [Fact]
    public async Task Two_specs_in_one_project_become_two_internal_clients_in_their_own_namespaces_without_warnings()
    {
        var consumer = feed.CreateConsumer("TwoSpecs");
        feed.CopyFromRepo("openapi/users-api.yaml", consumer, "specs/users-api.yaml");
        feed.CopyFromRepo("tests/OnePassword.Users.Tests/Specs/library-api.yaml", consumer, "specs/library-api.yaml");

        var build = await feed.BuildAsync(consumer);
        output.WriteLine($"build took {build.Elapsed.TotalSeconds:F1} s");
        build.ExitCode.ShouldBe(0, build.ToString());
        build.StandardOutput.ShouldContain("0 Warning(s)", Case.Sensitive, build.ToString());

        var run = await feed.RunAsync(consumer, "TwoSpecs");
        run.ExitCode.ShouldBe(0, run.ToString());
        SdkConsumerTests.Lines(run).ShouldBe(
        [
            "users GET https://api.1password.eu/v1beta1/accounts/ACCOUNT/users?filter=user.isSuspended%28%29&max_page_size=100",
            "suspend https://api.1password.eu/v1beta1/accounts/ACCOUNT/users/USER%2F1:suspend",
            "books GET https://library.example.test/v3/libraries/L%201/shelves/S:listBooks?genre=poetry",
            "models 978-0 wendy@example.com",
            "public types False False",
        ], run.ToString());
    }

    [Fact]
    public async Task Editing_the_spec_and_rebuilding_regenerates_the_client_with_the_new_action_and_query_parameter()
    {
        var consumer = feed.CreateConsumer("Regeneration");
        feed.CopyFromRepo("openapi/users-api.yaml", consumer, "specs/users-api.yaml");
        var first = await feed.BuildAsync(consumer);
        first.ExitCode.ShouldBe(0, first.ToString());

        var specPath = Path.Combine(consumer, "specs", "users-api.yaml");
        var spec = await File.ReadAllTextAsync(specPath);
        await File.WriteAllTextAsync(specPath, Specs.AddArchiveActionAndOrderBy(spec));
        File.Move(Path.Combine(consumer, "Program.after.cs.txt"), Path.Combine(consumer, "Program.cs"), overwrite: true);

        var second = await feed.BuildAsync(consumer);
        output.WriteLine($"builds took {first.Elapsed.TotalSeconds:F1} s and {second.Elapsed.TotalSeconds:F1} s");
        second.ExitCode.ShouldBe(0, second.ToString());
        second.StandardOutput.ShouldContain("0 Warning(s)", Case.Sensitive, second.ToString());

        var run = await feed.RunAsync(consumer, "Regeneration");
        run.ExitCode.ShouldBe(0, run.ToString());
        SdkConsumerTests.Lines(run).ShouldBe(
        [
            "archive url https://api.1password.com/v1beta1/accounts/A/users/U%201:archive",
            "archived wendy@example.com Suspended",
            "listed 1",
            "sent POST /v1beta1/accounts/A/users/U%201:archive",
            "sent GET /v1beta1/accounts/A/users?order_by=email",
        ], run.ToString());
    }

    [Fact]
    public async Task Without_the_runtime_package_the_build_stops_with_one_error_that_says_what_to_add()
    {
        var consumer = feed.CreateConsumer("GeneratorWithoutRuntime");
        feed.CopyFromRepo("openapi/users-api.yaml", consumer, "specs/users-api.yaml");

        var build = await feed.BuildAsync(consumer);

        build.ExitCode.ShouldNotBe(0, build.ToString());
        build.StandardOutput.ShouldContain("error OAG090: Clients generated from OpenAPI specs need the OnePassword.Users.Runtime package", Case.Sensitive, build.ToString());
        build.StandardOutput.ShouldNotContain("error CS", Case.Sensitive, build.ToString());
    }
}
