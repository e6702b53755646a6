using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OnePassword.Users.Generator.Tests.Support;
using OnePassword.Users.Testing;
using Shouldly;

namespace OnePassword.Users.Generator.Tests;

/// <summary>
/// The README's "Use the generator with your own spec": the generator runs on the project items
/// the README shows (its AdditionalFiles and their metadata), and the C# example beside them
/// compiles against what it generates, <c>using</c> lines as shown.
/// </summary>
public sealed class ReadmeGeneratorExampleTests
{
    // The files the README's project names, as the repository holds them.
    private static readonly Dictionary<string, string> SpecFilesInTheRepository = new(StringComparer.Ordinal)
    {
        ["specs/users-api.yaml"] = "openapi/users-api.yaml",
        ["specs/library-api.yaml"] = "tests/OnePassword.Users.Tests/Specs/library-api.yaml",
    };

    private const string ReaderValues = "string clientId = args[0], clientSecret = args[1], accountId = args[2], userId = args[3], libraryId = args[4], shelfId = args[5];";

    [Fact]
    public void The_example_compiles_against_the_clients_generated_from_the_project_the_readme_shows()
    {
        var project = XElement.Parse("<Project>" + ReadmeSnippets.After("readme:generator-project").ShouldHaveSingleItem() + "</Project>");
        var specs = project.Descendants("AdditionalFiles").Select(item =>
        {
            var include = item.Attribute("Include")!.Value;
            var text = File.ReadAllText(Path.Combine(ReadmeSnippets.RepoRoot, SpecFilesInTheRepository[include]));
            var metadata = item.Attributes().Where(attribute => attribute.Name != "Include").ToDictionary(attribute => attribute.Name.LocalName, attribute => attribute.Value);
            return new SpecInput("/consumer/" + include, text, metadata);
        }).ToList();
        specs.Count.ShouldBe(2);

        var example = ReadmeSnippets.After("compiled by ReadmeGeneratorExampleTests").ShouldHaveSingleItem();
        var compilation = GeneratorHarness.CreateCompilation(ReadmeSnippets.ImplicitUsings, ReadmeSnippets.AsProgram(example, ReaderValues));
        var run = GeneratorHarness.Run(GeneratorHarness.CreateDriver(specs), compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication)));

        run.GeneratorDiagnostics.Select(diagnostic => diagnostic.ToString()).ShouldBeEmpty();
        run.CompileProblems.Select(problem => problem.ToString()).ShouldBeEmpty(example);
    }
}
