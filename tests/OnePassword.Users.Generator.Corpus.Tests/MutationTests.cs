using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Generator.Corpus.Tests;

/// <summary>
/// 270 seeded variants of real specs (deleted lines, truncations, swapped types, dangling and
/// external refs, deep nesting, huge and strange names, duplicates, stray characters): the
/// generator never crashes, every diagnostic points into the spec, and what it generates compiles.
/// </summary>
public sealed class MutationTests
{
    private static readonly string[] Bases = ["oai-petstore-expanded.yaml", "oai-uspto.yaml", "oai-link-example.yaml", "redocly-museum.yaml", "users-api.yaml", "published-v1beta1.openapi.json"];

    public static TheoryData<string, Mutation, int> Variants()
    {
        var data = new TheoryData<string, Mutation, int>();
        foreach (var spec in Bases)
        {
            foreach (var mutation in Enum.GetValues<Mutation>())
            {
                for (var seed = 1; seed <= 5; seed++)
                {
                    data.Add(spec, mutation, seed);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_damaged_spec_gives_located_diagnostics_and_compiling_code_never_a_crash(string spec, Mutation mutation, int seed)
    {
        var path = "/mutants/" + spec;
        var text = SpecMutator.Mutate(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", spec)), mutation, seed);

        var run = GeneratorHarness.Run(new SpecInput(path, text, SpecInput.Options("Mutant", "MutantClient")));

        run.Result.Results.ShouldAllBe(r => r.Exception == null);
        run.GeneratorDiagnostics.Where(d => d.Id is "OAG009" or "CS8785" or "AD0001").Select(d => d.ToString()).ShouldBeEmpty();
        foreach (var diagnostic in run.GeneratorDiagnostics)
        {
            diagnostic.Location.Kind.ShouldBe(LocationKind.ExternalFile, diagnostic.ToString());
            diagnostic.Location.GetLineSpan().Path.ShouldBe(path);
            diagnostic.Location.SourceSpan.End.ShouldBeLessThanOrEqualTo(text.Length, diagnostic.ToString());
        }

        run.CompileProblems.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10).Select(d => d.ToString()).ShouldBeEmpty();
    }
}
