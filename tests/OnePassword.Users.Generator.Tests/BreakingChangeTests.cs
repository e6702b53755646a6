using System.Globalization;
using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Generator.Tests;

/// <summary>The breaking-change gate: a spec compared with its baseline, one rule at a time.</summary>
public class BreakingChangeTests
{
    private static readonly string Baseline = SpecFiles.UsersApi;

    /// <summary>The baseline without the user state SUSPENDED: one OAG104, the change the severity tests use.</summary>
    private static readonly string EnumValueRemoved = Baseline.Replace("        - ACTIVE\n        - SUSPENDED\n", "        - ACTIVE\n", StringComparison.Ordinal);

    private static GeneratorRun Run(string current, Microsoft.CodeAnalysis.CSharp.CSharpCompilation? compilation = null, IReadOnlyDictionary<string, string>? editorConfig = null)
    {
        var specs = new[]
        {
            SpecInput.Users(current) with { EditorConfig = editorConfig },
            new SpecInput("/specs/baseline/users-api.v1beta1.yaml", Baseline, new Dictionary<string, string> { ["OpenApiBaselineFor"] = "users-api.yaml" }),
        };
        return GeneratorHarness.Run(GeneratorHarness.CreateDriver(specs), compilation ?? GeneratorHarness.CreateCompilation());
    }

    /// <summary>A compilation whose options grade <paramref name="id"/>, as a .globalconfig or -warnaserror would.</summary>
    private static Microsoft.CodeAnalysis.CSharp.CSharpCompilation CompilationWith(string id, ReportDiagnostic report)
    {
        var compilation = GeneratorHarness.CreateCompilation();
        return compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { [id] = report }));
    }

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe([id]);
        return run.GeneratorDiagnostics[0];
    }

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    private static int LineOf(string text, string fragment) =>
        text[..text.IndexOf(fragment, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    [Fact]
    public void The_unchanged_spec_reports_nothing()
    {
        Run(Baseline).GeneratorDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void A_removed_operation_is_reported_at_its_line_in_the_baseline()
    {
        var start = Baseline.IndexOf("  /v1beta1/accounts/{account_id}/users/{user_id}:reactivate:", StringComparison.Ordinal);
        var end = Baseline.IndexOf("components:", start, StringComparison.Ordinal);
        var current = Baseline.Remove(start, end - start);

        var diagnostic = Single(Run(current), "OAG101");

        diagnostic.Location.GetLineSpan().Path.ShouldEndWith("users-api.v1beta1.yaml");
        Line(diagnostic).ShouldBe(LineOf(Baseline, "operationId: reactivateUser"));
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("POST /v1beta1/accounts/{account_id}/users/{user_id}:reactivate");
    }

    [Fact]
    public void A_parameter_that_became_required_is_reported_at_its_line()
    {
        var current = Baseline.Replace("        - name: filter\n          in: query\n          required: false", "        - name: filter\n          in: query\n          required: true", StringComparison.Ordinal);

        var diagnostic = Single(Run(current), "OAG102");

        Line(diagnostic).ShouldBe(LineOf(current, "        - name: filter"));
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("'filter'");
    }

    [Fact]
    public void A_removed_response_property_is_reported()
    {
        var current = Baseline.Replace("        display_name:\n          type: string\n          readOnly: true\n          description: The user's display name.\n", string.Empty, StringComparison.Ordinal);

        var diagnostic = Single(Run(current), "OAG103");

        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("'display_name' of schema 'User'");
    }

    [Fact]
    public void A_removed_enum_value_is_reported()
    {
        var current = EnumValueRemoved;

        var diagnostic = Single(Run(current), "OAG104");

        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("'SUSPENDED' of enum 'UserState'");
        Line(diagnostic).ShouldBe(LineOf(Baseline, "        - SUSPENDED\n    ListUsersResponse") );
    }

    [Fact]
    public void A_changed_type_is_reported_at_its_line()
    {
        var current = Baseline.Replace("          format: date-time\n          readOnly: true\n          description: When the user was created (RFC 3339).", "          format: date\n          readOnly: true\n          description: When the user was created (RFC 3339).", StringComparison.Ordinal);

        var diagnostic = Single(Run(current), "OAG105");

        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("from string/date-time to string/date");
        Line(diagnostic).ShouldBe(LineOf(current, "        create_time:\n          type: string\n          format: date\n") + 1);
    }

    [Fact]
    public void Moving_from_v1beta1_to_v1_with_renamed_path_parameters_breaks_nothing()
    {
        var current = Baseline.Replace("/v1beta1/", "/v1/", StringComparison.Ordinal).Replace("{account_id}", "{account}", StringComparison.Ordinal);

        Run(current).GeneratorDiagnostics.Where(d => d.Id.StartsWith("OAG1", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public void The_severity_follows_the_project_configuration()
    {
        var asError = CompilationWith("OAG104", ReportDiagnostic.Error);
        var suppressed = CompilationWith("OAG104", ReportDiagnostic.Suppress);

        Run(EnumValueRemoved).GeneratorDiagnostics.ShouldHaveSingleItem().Severity.ShouldBe(DiagnosticSeverity.Warning);
        Run(EnumValueRemoved, asError).GeneratorDiagnostics.ShouldHaveSingleItem().Severity.ShouldBe(DiagnosticSeverity.Error);
        Run(EnumValueRemoved, suppressed).GeneratorDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void The_severity_follows_the_editorconfig_section_of_the_spec_per_id_and_per_category()
    {
        Severity(new() { ["openapi_diagnostic.OAG104.severity"] = "error" }).ShouldBe(DiagnosticSeverity.Error);
        Severity(new() { ["openapi_diagnostic.category-OpenApiBreakingChange.severity"] = "error" }).ShouldBe(DiagnosticSeverity.Error);
        Severity(new() { ["openapi_diagnostic.OAG101.severity"] = "error" }).ShouldBe(DiagnosticSeverity.Warning);
        Severity(new() { ["openapi_diagnostic.oag104.severity"] = "suggestion" }).ShouldBe(DiagnosticSeverity.Info);
        Severity(new()
        {
            ["openapi_diagnostic.category-OpenApiBreakingChange.severity"] = "error",
            ["openapi_diagnostic.OAG104.severity"] = "default",
        }).ShouldBe(DiagnosticSeverity.Warning);
        Run(EnumValueRemoved, editorConfig: new Dictionary<string, string> { ["openapi_diagnostic.OAG104.severity"] = "none" })
            .GeneratorDiagnostics.ShouldBeEmpty();

        DiagnosticSeverity Severity(Dictionary<string, string> editorConfig) =>
            Run(EnumValueRemoved, editorConfig: editorConfig).GeneratorDiagnostics.ShouldHaveSingleItem().Severity;
    }

    [Fact]
    public void A_global_config_applies_on_top_of_the_editorconfig_choice()
    {
        var suppressed = CompilationWith("OAG104", ReportDiagnostic.Suppress);

        Run(EnumValueRemoved, suppressed, new Dictionary<string, string> { ["openapi_diagnostic.OAG104.severity"] = "error" })
            .GeneratorDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_severity_word_is_reported_and_the_default_severity_kept()
    {
        var diagnostics = Run(EnumValueRemoved, editorConfig: new Dictionary<string, string> { ["openapi_diagnostic.OAG104.severity"] = "fatal" }).GeneratorDiagnostics;

        diagnostics.Select(d => (d.Id, d.Severity)).OrderBy(d => d.Id).ShouldBe([("OAG007", DiagnosticSeverity.Error), ("OAG104", DiagnosticSeverity.Warning)]);
        diagnostics.Single(d => d.Id == "OAG007").GetMessage(CultureInfo.InvariantCulture)
            .ShouldBe("openapi_diagnostic.OAG104.severity in .editorconfig must be one of none, silent, suggestion, warning, error or default, not 'fatal'");
    }
}
