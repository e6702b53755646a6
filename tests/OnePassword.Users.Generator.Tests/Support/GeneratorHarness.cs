using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace OnePassword.Users.Generator.Tests.Support;

/// <summary>The outcome of one generator run and of compiling what it produced.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources);

    public string Source(string hintNameSuffix) =>
        Sources.Single(s => s.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>A type of the output compilation; fails the test when it was not generated.</summary>
    public INamedTypeSymbol Compilation(string metadataName) =>
        Output.GetTypeByMetadataName(metadataName) ?? throw new Shouldly.ShouldAssertException($"{metadataName} was not generated");

    /// <summary>Compiler warnings and errors in the generated code (and any test code).</summary>
    public IReadOnlyList<Diagnostic> CompileProblems => Output.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToList();
}

/// <summary>Runs the generator on in-memory specs the way the compiler does, with step tracking on.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static GeneratorRun Run(IReadOnlyList<SpecInput> specs, params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver(specs);
        return Run(driver, compilation);
    }

    public static GeneratorRun Run(params SpecInput[] specs) => Run(specs, []);

    public static GeneratorDriver CreateDriver(IReadOnlyList<SpecInput> specs) => CreateDriver(specs, out _);

    /// <summary>Creates the driver and hands back the AdditionalTexts, so a test can replace one (an edit).</summary>
    public static GeneratorDriver CreateDriver(IReadOnlyList<SpecInput> specs, out IReadOnlyList<AdditionalText> texts)
    {
        texts = [.. specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text))];
        return CSharpGeneratorDriver.Create(
            [new ApiClientGenerator().AsSourceGenerator()],
            texts,
            ParseOptions,
            new TestOptionsProvider(specs),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>Emits the compiled output (generated code and test sources) and loads it, collectible.</summary>
    public static System.Reflection.Assembly Load(GeneratorRun run)
    {
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
        }

        image.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext("generated", isCollectible: true).LoadFromStream(image);
    }

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    // Assembly-version unification between the test host's framework and Kiota's references.
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.Kiota.*.dll"))
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "Std.UriTemplate.dll"))
            .Append(typeof(OnePassword.Users.Runtime.ApiCall).Assembly.Location)
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
