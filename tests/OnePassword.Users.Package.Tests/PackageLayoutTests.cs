using System.IO.Compression;
using System.Xml.Linq;
using OnePassword.Users.Package.Tests.Support;
using Xunit.Abstractions;

namespace OnePassword.Users.Package.Tests;

/// <summary>What is inside each package: files in the places NuGet and the compiler look, and the nuspec metadata.</summary>
[Collection(PackageFeedGroup.Name)]
public sealed class PackageLayoutTests(PackageFeedFixture feed, ITestOutputHelper output)
{
    [Fact]
    public void The_sdk_package_has_the_generated_client_with_docs_and_depends_on_the_runtime_package()
    {
        output.WriteLine($"dotnet pack took {feed.Pack.Elapsed.TotalSeconds:F1} s");
        feed.Pack.StandardOutput.ShouldContain("0 Warning(s)", Case.Sensitive, feed.Pack.ToString());
        var package = Open("OnePassword.Users");

        package.Files.ShouldBe(
        [
            "lib/net10.0/OnePassword.Users.dll", "lib/net10.0/OnePassword.Users.xml",
            "lib/net8.0/OnePassword.Users.dll", "lib/net8.0/OnePassword.Users.xml",
            "README.md",
        ], ignoreOrder: true);
        package.Dependencies.ShouldBe([("net10.0", "OnePassword.Users.Runtime", feed.Version), ("net8.0", "OnePassword.Users.Runtime", feed.Version)], ignoreOrder: true);
        package.Metadata("readme").ShouldBe("README.md");
        package.Text("README.md").ShouldBe(File.ReadAllText(Path.Combine(feed.RepoRoot, "README.md")));
        package.Text("lib/net10.0/OnePassword.Users.xml").ShouldContain("T:OnePassword.Users.UsersApiClient");
        File.Exists(feed.PackagePath("OnePassword.Users", "snupkg")).ShouldBeTrue();
    }

    [Fact]
    public void The_runtime_package_carries_both_target_frameworks_and_its_kiota_dependencies()
    {
        var package = Open("OnePassword.Users.Runtime");

        package.Files.ShouldBe(
        [
            "lib/net10.0/OnePassword.Users.Runtime.dll", "lib/net10.0/OnePassword.Users.Runtime.xml",
            "lib/net8.0/OnePassword.Users.Runtime.dll", "lib/net8.0/OnePassword.Users.Runtime.xml",
            "README.md",
        ], ignoreOrder: true);
        package.Dependencies.Select(d => d.Id).Distinct().ShouldBe(
            [
                "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Http.HttpClientLibrary", "Microsoft.Kiota.Serialization.Json", "System.Threading.RateLimiting",
                "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Diagnostics.Abstractions",
            ],
            ignoreOrder: true);
        package.Dependencies.ShouldNotContain(d => d.Id.StartsWith("OnePassword.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_hosting_package_holds_the_registration_and_keeps_http_and_configuration_out_of_the_sdk()
    {
        var hosting = Open("OnePassword.Users.Hosting");
        var sdk = Open("OnePassword.Users");

        hosting.Files.ShouldContain("lib/net8.0/OnePassword.Users.Hosting.dll");
        hosting.Files.ShouldContain("lib/net10.0/OnePassword.Users.Hosting.dll");
        hosting.Dependencies.Select(d => d.Id).Distinct().ShouldBe(
            ["OnePassword.Users", "Microsoft.Extensions.Http", "Microsoft.Extensions.Options.ConfigurationExtensions", "Microsoft.Extensions.Diagnostics.HealthChecks.Abstractions"],
            ignoreOrder: true);
        sdk.Dependencies.ShouldNotContain(d => d.Id == "Microsoft.Extensions.Http" || d.Id.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal));
    }

    [Fact]
    public void Redis_comes_only_with_the_redis_package()
    {
        var redis = Open("OnePassword.Users.Redis");

        redis.Files.ShouldContain("lib/net8.0/OnePassword.Users.Redis.dll");
        redis.Files.ShouldContain("lib/net10.0/OnePassword.Users.Redis.dll");
        redis.Dependencies.Select(d => d.Id).Distinct().ShouldBe(["OnePassword.Users.Hosting", "StackExchange.Redis"], ignoreOrder: true);
        foreach (string other in new[] { "OnePassword.Users", "OnePassword.Users.Runtime", "OnePassword.Users.Hosting" })
        {
            Open(other).Dependencies.ShouldNotContain(d => d.Id == "StackExchange.Redis");
        }
    }

    [Fact]
    public void The_generator_package_is_a_development_dependency_with_the_analyzer_its_parser_and_the_props()
    {
        var package = Open("OnePassword.Users.Generator");

        package.Files.ShouldBe(
        [
            "analyzers/dotnet/cs/OnePassword.Users.Generator.dll", "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/OnePassword.Users.Generator.props", "buildTransitive/OnePassword.Users.Generator.props",
            "README.md",
        ], ignoreOrder: true);
        package.Metadata("developmentDependency").ShouldBe("true");
        package.Dependencies.ShouldBeEmpty("generated code needs OnePassword.Users.Runtime, which consumers reference themselves");
        package.Text("build/OnePassword.Users.Generator.props").ShouldContain("MetadataName=\"OpenApiBaselineFor\"");
    }

    [Fact]
    public void The_emulator_package_brings_the_asp_net_core_framework_reference()
    {
        var package = Open("OnePassword.Users.Emulator");

        package.Files.ShouldContain("lib/net10.0/OnePassword.Users.Emulator.dll");
        package.Files.ShouldContain("lib/net10.0/OnePassword.Users.Emulator.xml");
        package.Files.ShouldContain("README.md");
        package.Nuspec.Descendants(package.Name("frameworkReference")).Select(e => (string?)e.Attribute("name")).ShouldBe(["Microsoft.AspNetCore.App"]);
        package.Dependencies.ShouldBeEmpty("the emulator is independent of the SDK so that it can catch the SDK's bugs");
    }

    [Theory]
    [InlineData("OnePassword.Users")]
    [InlineData("OnePassword.Users.Runtime")]
    [InlineData("OnePassword.Users.Generator")]
    [InlineData("OnePassword.Users.Emulator")]
    public void Every_package_has_a_description_tags_a_license_a_readme_and_the_commit_it_was_built_from(string id)
    {
        var package = Open(id);

        package.Metadata("version").ShouldBe(feed.Version);
        package.Metadata("description").ShouldNotBeNullOrWhiteSpace();
        package.Metadata("tags")!.Split(' ').ShouldContain("1password");
        package.Nuspec.Descendants(package.Name("license")).Single().Value.ShouldBe("MIT");
        package.Text(package.Metadata("readme")!).ShouldStartWith("# ");
        ((string?)package.Nuspec.Descendants(package.Name("repository")).Single().Attribute("commit")).ShouldNotBeNullOrWhiteSpace();
    }

    private Package Open(string id) => Package.Read(feed.PackagePath(id));

    private sealed record Package(IReadOnlyList<string> Files, XDocument Nuspec, IReadOnlyDictionary<string, string> Texts)
    {
        private static readonly string[] Plumbing = ["_rels/", "package/", "[Content_Types].xml"];

        public IReadOnlyList<(string Framework, string Id, string? Version)> Dependencies =>
            Nuspec.Descendants(Name("dependency"))
                .Select(d => ((string?)d.Parent!.Attribute("targetFramework") ?? string.Empty, (string)d.Attribute("id")!, (string?)d.Attribute("version")))
                .ToList();

        public XName Name(string localName) => Nuspec.Root!.Name.Namespace + localName;

        public string? Metadata(string element) => Nuspec.Root!.Element(Name("metadata"))!.Element(Name(element))?.Value;

        public string Text(string path) => Texts[path];

        public static Package Read(string path)
        {
            File.Exists(path).ShouldBeTrue($"{path} was not packed");
            using var archive = ZipFile.OpenRead(path);
            var entries = archive.Entries.Where(e => !Plumbing.Any(p => e.FullName.StartsWith(p, StringComparison.Ordinal))).ToList();
            var texts = entries.Where(e => e.FullName.EndsWith(".md", StringComparison.Ordinal) || e.FullName.EndsWith(".props", StringComparison.Ordinal)
                    || e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".nuspec", StringComparison.Ordinal))
                .ToDictionary(e => e.FullName, ReadText);
            var nuspec = XDocument.Parse(texts.Single(t => t.Key.EndsWith(".nuspec", StringComparison.Ordinal)).Value);
            return new Package(entries.Select(e => e.FullName).Where(n => !n.EndsWith(".nuspec", StringComparison.Ordinal)).ToList(), nuspec, texts);
        }

        private static string ReadText(ZipArchiveEntry entry)
        {
            using var reader = new StreamReader(entry.Open());
            return reader.ReadToEnd();
        }
    }
}
