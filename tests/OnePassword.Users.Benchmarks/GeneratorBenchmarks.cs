using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using OnePassword.Users.Emulator.Tests.TestSupport;
using OnePassword.Users.Generator;
using OnePassword.Users.Testing;

namespace OnePassword.Users.Benchmarks;

/// <summary>
/// The source generator as the compiler runs it (CSharpGeneratorDriver): cold on the Users API
/// spec and on GitHub's 13 MB spec (what a command-line build pays on every compile, since the
/// compiler keeps no generator state between builds), and a rerun after an unrelated C# edit
/// (what an IDE pays per keystroke). GitHub's spec comes from the corpus test's pinned npm
/// package, installed on first use.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);
    private readonly CSharpCompilation _compilation = CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText("namespace App { public class A { } }", ParseOptions)]);
    private SpecText _users = null!;
    private SpecText _github = null!;
    private GeneratorDriver _warmGitHub = null!;
    private CSharpCompilation _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = RepositoryRoot.Find();
        var registry = Path.Combine(root, "tests", "OnePassword.Users.Generator.Corpus.Tests", "Registry");
        NodeTools.EnsureInstalledAsync(registry).GetAwaiter().GetResult();
        _users = new SpecText(Path.Combine(root, "openapi", "users-api.yaml"));
        _github = new SpecText(Path.Combine(registry, "node_modules", "@octokit", "openapi", "generated", "api.github.com.json"));
        _warmGitHub = Driver(_github).RunGenerators(_compilation);
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { public class B { } }", ParseOptions));
    }

    [Benchmark(Description = "cold: users-api.yaml (21 KB)")]
    public GeneratorDriver ColdUsersApi() => Driver(_users).RunGenerators(_compilation);

    // The baseline: the IDE rerun below is measured against what a cold run on the same spec costs.
    [Benchmark(Baseline = true, Description = "cold: GitHub api.github.com.json (13 MB)")]
    public GeneratorDriver ColdGitHub() => Driver(_github).RunGenerators(_compilation);

    [Benchmark(Description = "GitHub, rerun after an unrelated C# edit")]
    public GeneratorDriver RerunGitHubAfterEdit() => _warmGitHub.RunGenerators(_edited);

    private static GeneratorDriver Driver(SpecText spec) => CSharpGeneratorDriver.Create(
        [new ApiClientGenerator().AsSourceGenerator()], [spec], ParseOptions, new SpecOptions(spec.Path));

    private sealed class SpecText(string path) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(File.ReadAllText(path));

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class SpecOptions(string specPath) : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions None = new Options(ImmutableDictionary<string, string>.Empty);
        private readonly AnalyzerConfigOptions _spec = new Options(ImmutableDictionary<string, string>.Empty
            .Add("build_metadata.AdditionalFiles.OpenApiSpec", "true")
            .Add("build_metadata.AdditionalFiles.OpenApiNamespace", "Bench.Client"));

        public override AnalyzerConfigOptions GlobalOptions => None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == specPath ? _spec : None;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
