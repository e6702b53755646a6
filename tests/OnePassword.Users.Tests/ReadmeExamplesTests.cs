using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;

namespace OnePassword.Users.Tests;

/// <summary>The README's C# examples compile against the SDK as it is, so they cannot rot.</summary>
public partial class ReadmeExamplesTests
{
    // Names the examples use without declaring them, as a reader's own code would provide.
    private const string Prelude = """
        using System;
        using System.Threading.Tasks;
        using OnePassword.Users;
        using OnePassword.Users.Models;
        using OnePassword.Users.Runtime;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using OpenTelemetry.Metrics;
        using OpenTelemetry.Trace;
        using OnePassword.Users.Hosting;
        string clientId = args[0], clientSecret = args[1], accountId = args[2], userId = args[3];
        """;

    private static readonly string[] s_referencedPrefixes = ["OnePassword.Users", "Microsoft.Kiota", "Microsoft.Extensions", "OpenTelemetry"];

    [GeneratedRegex("<!-- compiled by ReadmeExamplesTests -->\\s*```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CompiledExample();

    public static TheoryData<int> ExampleIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Examples().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void The_readme_has_compiled_examples()
    {
        Examples().Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(ExampleIndexes))]
    public void A_readme_example_compiles_without_warnings(int index)
    {
        var code = Prelude + Examples()[index];
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(path => s_referencedPrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal))))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "ReadmeExample",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();

        problems.ShouldBeEmpty(Examples()[index]);
    }

    private static List<string> Examples()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
        {
            directory = directory.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(directory!.FullName, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        return [.. CompiledExample().Matches(readme).Select(match => match.Groups["code"].Value)];
    }
}
