using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OnePassword.Users.Testing;
using Shouldly;

namespace OnePassword.Users.Tests;

/// <summary>The README's C# examples compile against the SDK as they are shown, <c>using</c> lines included, so they cannot rot.</summary>
public class ReadmeExamplesTests
{
    private const string Marker = "compiled by ReadmeExamplesTests";

    // The values the examples leave to the reader.
    private const string ReaderValues = "string clientId = args[0], clientSecret = args[1], accountId = args[2], userId = args[3];";

    // The packages the examples' readers would reference: the SDK, hosting, Redis and OpenTelemetry.
    private static readonly string[] s_referencedPrefixes = ["OnePassword.Users", "Microsoft.Kiota", "Microsoft.Extensions", "OpenTelemetry", "StackExchange.Redis"];

    public static TheoryData<int> ExampleIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < ReadmeSnippets.After(Marker).Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void The_readme_has_compiled_examples()
    {
        ReadmeSnippets.After(Marker).Count.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Theory]
    [MemberData(nameof(ExampleIndexes))]
    public void A_readme_example_compiles_without_warnings(int index)
    {
        var example = ReadmeSnippets.After(Marker)[index];
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(path => s_referencedPrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal))))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(path => MetadataReference.CreateFromFile(path));
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "ReadmeExample",
            [CSharpSyntaxTree.ParseText(ReadmeSnippets.ImplicitUsings, parseOptions), CSharpSyntaxTree.ParseText(ReadmeSnippets.AsProgram(example, ReaderValues), parseOptions)],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();

        problems.ShouldBeEmpty(example);
    }
}
