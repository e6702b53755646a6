using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using OnePassword.Users.Generator.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Generator.Tests;

/// <summary>The pipeline must do no work on edits that cannot change the client.</summary>
public class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps = ["SpecFiles", "ParsedSpecs", "Models", "Diagnostics", "Baselines", "BreakingChanges"];

    // A spec with a baseline, so the breaking-change steps have work to do and something to cache.
    private static SpecInput[] WithBaseline() =>
    [
        SpecInput.Users(SpecFiles.UsersApi),
        new SpecInput("/specs/baseline/users-api.v1beta1.yaml", WithArchive(SpecFiles.UsersApi), new Dictionary<string, string> { ["OpenApiBaselineFor"] = "users-api.yaml" }),
    ];

    [Fact]
    public void A_second_run_with_no_change_is_entirely_cached_and_holds_no_compiler_objects()
    {
        var specs = WithBaseline();
        var compilation = GeneratorHarness.CreateCompilation("namespace App { public class A { } }");
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(specs), compilation);
        var second = GeneratorHarness.Run(first.Driver, compilation.Clone());

        var steps = second.Result.Results.Single().TrackedSteps;
        foreach (var name in TrackedSteps)
        {
            steps.ShouldContainKey(name);
            foreach (var output in steps[name].SelectMany(step => step.Outputs))
            {
                output.Reason.ShouldBeOneOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
            }
        }

        foreach (var step in first.Result.Results.Single().TrackedSteps.Where(s => TrackedSteps.Contains(s.Key)).SelectMany(s => s.Value))
        {
            foreach (var output in step.Outputs)
            {
                ShouldHoldNoCompilerObjects(output.Value, step.Name ?? "?");
            }
        }
    }

    [Fact]
    public void An_unrelated_CSharp_edit_runs_no_step_again_breaking_change_steps_included()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace App { public class A { } }");
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(WithBaseline()), compilation);
        first.GeneratorDiagnostics.ShouldContain(d => d.Id == "OAG101");

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace App { public class B { } }", GeneratorHarness.ParseOptions));
        var second = GeneratorHarness.Run(first.Driver, edited);

        foreach (var step in TrackedSteps)
        {
            Reasons(second, step).ShouldNotBeEmpty(step);
            Reasons(second, step).ShouldAllBe(r => r == IncrementalStepRunReason.Cached, step);
        }

        second.GeneratorDiagnostics.ShouldContain(d => d.Id == "OAG101");
    }

    [Fact]
    public void A_whitespace_only_spec_edit_produces_no_new_source()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver([SpecInput.Users(SpecFiles.UsersApi)], out var texts);
        var first = GeneratorHarness.Run(driver, compilation);

        var spaced = SpecFiles.UsersApi.Replace("paths:\n", "\n\npaths:\n", StringComparison.Ordinal) + "\n\n";
        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(texts[0], new InMemoryAdditionalText("/specs/users-api.yaml", spaced)), compilation);

        Reasons(second, "ParsedSpecs").ShouldContain(IncrementalStepRunReason.Modified);
        Reasons(second, "Models").ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
        Reasons(second, "Diagnostics").ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void A_new_operation_in_the_spec_regenerates()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver([SpecInput.Users(SpecFiles.UsersApi)], out var texts);
        var first = GeneratorHarness.Run(driver, compilation);
        var withArchive = WithArchive(SpecFiles.UsersApi);

        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(texts[0], new InMemoryAdditionalText("/specs/users-api.yaml", withArchive)), compilation);

        Reasons(second, "Models").ShouldContain(IncrementalStepRunReason.Modified);
        second.Sources.ShouldContain(s => s.HintName.EndsWith("Archive.ArchiveRequestBuilder.g.cs", StringComparison.Ordinal));
        second.GeneratorDiagnostics.ShouldBeEmpty();
    }

    private static string WithArchive(string spec) => spec.Replace(
        "components:\n",
        "  /v1beta1/accounts/{account_id}/users/{user_id}:archive:\n    post:\n      operationId: archiveUser\n      parameters:\n        - $ref: '#/components/parameters/AccountId'\n        - $ref: '#/components/parameters/UserId'\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/User'\ncomponents:\n",
        StringComparison.Ordinal);

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRun run, string step) =>
        run.Result.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    /// <summary>Walks an output's object graph: a Compilation, symbol or syntax node would keep the compiler's memory alive and defeat caching.</summary>
    private static void ShouldHoldNoCompilerObjects(object? value, string step, int depth = 0)
    {
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        (value is Compilation or ISymbol or SyntaxNode or SemanticModel).ShouldBeFalse($"step {step} holds a {value.GetType().Name}");
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                ShouldHoldNoCompilerObjects(item, step, depth + 1);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            ShouldHoldNoCompilerObjects(field.GetValue(value), step, depth + 1);
        }
    }
}
