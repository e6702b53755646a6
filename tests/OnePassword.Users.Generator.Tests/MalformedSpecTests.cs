using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Generator.Tests;

/// <summary>Bad specs give located diagnostics with stable ids, never a crash, and the rest still generates.</summary>
public class MalformedSpecTests
{
    private const string Header = """
        openapi: 3.1.0
        info:
          title: Broken
          version: '1'
        """;

    private static GeneratorRun Run(string spec) => GeneratorHarness.Run(SpecInput.Users(spec));

    private static string Describe(GeneratorRun run) => string.Join("\n", run.GeneratorDiagnostics
        .OrderBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
        .Select(d => $"{d.Id} {d.Severity} line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));

    private static void ShouldNotCrash(GeneratorRun run)
    {
        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "OAG009" || d.Id == "CS8785" || d.Id == "AD0001");
        run.Result.Results.ShouldAllBe(r => r.Exception == null);
    }

    [Fact]
    public void Invalid_yaml_is_reported_at_the_broken_line()
    {
        var run = Run(Header + "\npaths:\n  /a:\n    get: [unclosed\n");

        ShouldNotCrash(run);
        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("OAG001");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.Location.GetLineSpan().Path.ShouldBe("/specs/users-api.yaml");
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.ShouldBeGreaterThanOrEqualTo(7);
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void Invalid_json_is_reported()
    {
        var run = GeneratorHarness.Run(new SpecInput("/specs/api.json", "{ \"openapi\": \"3.1.0\", \"paths\": { ", SpecInput.Options("A", "AClient")));

        ShouldNotCrash(run);
        run.GeneratorDiagnostics.ShouldHaveSingleItem().Id.ShouldBe("OAG001");
    }

    [Fact]
    public void A_swagger_2_document_is_rejected_with_its_version()
    {
        var run = Run("swagger: '2.0'\ninfo:\n  title: Old\n  version: '1'\npaths: {}\n");

        run.GeneratorDiagnostics.ShouldHaveSingleItem().GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("Swagger 2.0");
        run.GeneratorDiagnostics[0].Id.ShouldBe("OAG002");
    }

    [Fact]
    public void A_dangling_ref_is_reported_where_it_is_and_the_rest_generates()
    {
        var run = Run(Header + """

            paths:
              /things/{id}:
                get:
                  operationId: getThing
                  parameters:
                    - { name: id, in: path, required: true, schema: { type: string } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Missing'
              /others:
                get:
                  operationId: listOthers
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Other' }
            components:
              schemas:
                Other:
                  type: object
                  properties:
                    name: { type: string }
            """);

        ShouldNotCrash(run);
        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("OAG003");
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.ShouldBe(16);
        run.Sources.ShouldContain(s => s.HintName.EndsWith("Models.Other.g.cs", StringComparison.Ordinal));
        run.Sources.ShouldContain(s => s.HintName.EndsWith("Things.Item.ThingsItemRequestBuilder.g.cs", StringComparison.Ordinal));
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void Unsupported_constructs_warn_and_fall_back_to_JsonElement()
    {
        var run = Run(Header + """

            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    position:
                      type: array
                      prefixItems: [{ type: number }, { type: number }]
                    mood: { type: banana }
            """);

        ShouldNotCrash(run);
        run.GeneratorDiagnostics.Select(d => (d.Id, d.Severity, d.Location.GetLineSpan().StartLinePosition.Line)).ShouldBe(
            [("OAG004", DiagnosticSeverity.Warning, 12), ("OAG004", DiagnosticSeverity.Warning, 13)]);
        run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("prefixItems");
        run.GeneratorDiagnostics[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("'banana' is not a JSON Schema type");
        run.Source("Models.Pet.g.cs").ShouldContain("public global::System.Collections.Generic.List<global::System.Text.Json.JsonElement>? Position { get; set; }");
        run.Source("Models.Pet.g.cs").ShouldContain("public global::System.Text.Json.JsonElement? Mood { get; set; }");
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void Two_paths_mapping_to_one_CSharp_name_are_both_generated_the_second_renamed()
    {
        var run = Run(Header + """

            paths:
              /user-groups:
                get:
                  operationId: listUserGroups
                  responses: { '204': { description: ok } }
              /user_groups:
                post:
                  operationId: createUserGroup
                  responses: { '204': { description: ok } }
            """);

        ShouldNotCrash(run);
        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("OAG010");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Info);
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.ShouldBe(9);
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("'UserGroups2'");
        run.Source("UserGroups.UserGroupsRequestBuilder.g.cs").ShouldContain("GetAsync(");
        run.Source("UserGroups2.UserGroups2RequestBuilder.g.cs").ShouldContain("{+baseurl}/user_groups");
        run.Source("UserGroups2.UserGroups2RequestBuilder.g.cs").ShouldContain("PostAsync(");
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void A_colon_action_and_a_segment_with_the_same_name_are_both_generated()
    {
        var run = Run(Header + """

            paths:
              /items/{id}:archive:
                post: { operationId: archiveItem, parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { '204': { description: ok } } }
              /items/{id}/archive:
                get: { operationId: getArchive, parameters: [{ name: id, in: path, required: true, schema: { type: string } }], responses: { '204': { description: ok } } }
            """);

        ShouldNotCrash(run);
        run.GeneratorDiagnostics.ShouldHaveSingleItem().Id.ShouldBe("OAG010");
        run.Source("Items.Item.Archive.ArchiveRequestBuilder.g.cs").ShouldContain("{+baseurl}/items/{+id}:archive");
        run.Source("Items.Item.Archive2.Archive2RequestBuilder.g.cs").ShouldContain("{+baseurl}/items/{+id}/archive");
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void Two_operations_with_one_operationId_are_both_generated_the_second_renamed()
    {
        var run = Run(Header + """

            paths:
              /a:
                get: { operationId: fetch, responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { a: { type: string } } } } } } } }
              /b:
                get: { operationId: Fetch, responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { b: { type: string } } } } } } } }
            """);

        ShouldNotCrash(run);
        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("OAG010");
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.ShouldBe(8);
        run.Sources.ShouldContain(s => s.HintName.EndsWith("Models.FetchResponse.g.cs", StringComparison.Ordinal));
        run.Sources.ShouldContain(s => s.HintName.EndsWith("Models.Fetch2Response.g.cs", StringComparison.Ordinal));
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void Two_operations_with_one_URL_and_method_warn_and_the_second_is_skipped()
    {
        var run = Run(Header + """

            paths:
              /a/{x}:
                get: { operationId: first, parameters: [{ name: x, in: path, required: true, schema: { type: string } }], responses: { '204': { description: ok } } }
              /a/{y}:
                get: { operationId: second, parameters: [{ name: y, in: path, required: true, schema: { type: string } }], responses: { '204': { description: ok } } }
            """);

        ShouldNotCrash(run);
        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("OAG005");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void A_CSharp_keyword_as_a_name_is_reported_and_escaped()
    {
        var run = Run(Header + """

            paths: {}
            components:
              schemas:
                Kind:
                  type: string
                  enum: [alpha, beta]
                  x-enum-varnames: [class, beta]
            """);

        ShouldNotCrash(run);
        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("OAG006");
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.ShouldBe(9);
        run.Source("Models.Kind.g.cs").ShouldContain("@class,");
        run.CompileProblems.ShouldBeEmpty();
    }

    private const string PathParameterMismatch = Header + """

        paths:
          /things/{id}:
            get:
              operationId: getThing
              parameters:
                - { name: thing_id, in: path, required: true, schema: { type: string } }
              responses: { '204': { description: ok } }
        """;

    [Fact]
    public void Path_parameters_that_do_not_match_the_template_warn()
    {
        var run = Run(PathParameterMismatch);

        ShouldNotCrash(run);
        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(["OAG008", "OAG008"]);
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void Spec_warnings_follow_the_severity_chosen_in_the_editorconfig_section_of_the_spec()
    {
        var asErrors = new Dictionary<string, string> { ["openapi_diagnostic.category-OpenApiSpec.severity"] = "error" };

        var run = GeneratorHarness.Run(SpecInput.Users(PathParameterMismatch) with { EditorConfig = asErrors });

        run.GeneratorDiagnostics.Select(d => (d.Id, d.Severity)).ShouldBe([("OAG008", DiagnosticSeverity.Error), ("OAG008", DiagnosticSeverity.Error)]);
    }

    [Fact]
    public void Invalid_options_are_reported_and_defaults_used()
    {
        var run = GeneratorHarness.Run(new SpecInput("/specs/users-api.yaml", SpecFiles.UsersApi, SpecInput.Options("Not a namespace!", "UsersClient", "protected")));

        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(["OAG007"]);
        run.GeneratorDiagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("OpenApiAccessibility");
        run.Sources.ShouldNotBeEmpty();
    }

    [Fact]
    public void Diagnostics_of_every_malformed_case_match_the_snapshot()
    {
        var cases = new Dictionary<string, string>
        {
            ["invalid-yaml"] = Header + "\npaths:\n  /a:\n    get: [unclosed\n",
            ["not-openapi"] = "swagger: '2.0'\n",
            ["external-ref"] = Header + "\npaths: {}\ncomponents:\n  schemas:\n    A: { $ref: 'other.yaml#/A' }\n",
            ["bad-segment"] = Header + "\npaths:\n  /files/{name}}.{ext:\n    get: { responses: { '204': { description: ok } } }\n",
            ["form-not-object"] = Header + "\npaths:\n  /a:\n    post:\n      requestBody: { content: { application/x-www-form-urlencoded: { schema: { type: string } } } }\n      responses: { '204': { description: ok } }\n",
            ["bad-rate-limit"] = Header + "\n  x-rate-limits:\n    - { limit: many, window: PT1M }\npaths: {}\n",
        };

        var text = string.Join("\n\n", cases.Select(c => $"## {c.Key}\n{Describe(Run(c.Value))}"));

        text.ShouldMatchSnapshot("diagnostics");
    }
}
