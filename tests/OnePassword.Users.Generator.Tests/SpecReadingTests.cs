using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Generator.Tests;

/// <summary>Every valid YAML 1.2 or JSON spec is read; what cannot be read is located, never a crash.</summary>
public class SpecReadingTests
{
    private static GeneratorRun Run(string spec, string path = "/specs/users-api.yaml") =>
        GeneratorHarness.Run(new SpecInput(path, spec, SpecInput.Options("Contoso.Users", "UsersClient")));

    private static int Line(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;

    [Fact]
    public void A_keep_block_scalar_whose_first_line_holds_only_spaces_is_read_with_its_line_breaks()
    {
        // YamlDotNet alone rejects this ("found extra spaces in first line"); YAML 1.2 allows it.
        var run = Run("openapi: 3.1.0\ninfo:\n  title: Kept\n  version: '1'\n  description: |+\n    \n    First line.\n\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      description: |\n        \n        A pet.\n      type: object\n      properties:\n        name: { type: string }\n      required: [nme]\n");

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.Source("UsersClient.g.cs").ShouldContain("/// First line.");
        run.Source("Models.Pet.g.cs").ShouldContain("/// A pet.");
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void Diagnostics_after_a_rewritten_block_scalar_keep_their_lines_and_offsets()
    {
        const string spec = "openapi: 3.1.0\ninfo:\n  title: Kept\n  version: '1'\n  description: |+\n      \n      text\npaths: {}\ncomponents:\n  schemas:\n    A: { $ref: '#/components/schemas/Missing' }\n";

        var run = Run(spec);

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("OAG003");
        Line(diagnostic).ShouldBe(11);
        diagnostic.Location.SourceSpan.Start.ShouldBe(spec.IndexOf("'#/components", StringComparison.Ordinal));
    }

    [Fact]
    public void Yaml_anchors_aliases_and_merge_keys_are_followed()
    {
        var run = Run("""
            openapi: 3.1.0
            info: { title: Anchors, version: '1' }
            paths: {}
            components:
              schemas:
                Base: &base
                  type: object
                  properties:
                    id: { type: string }
                Copy: *base
                Extended:
                  <<: *base
                  description: Extended.
            """);

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.Source("Models.Copy.g.cs").ShouldContain("public string? Id { get; set; }");
        run.Source("Models.Extended.g.cs").ShouldContain("/// Extended.");
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void Json_is_read_with_escapes_and_its_errors_are_located()
    {
        var good = Run("{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"T\\u00e9st \\\"q\\\"\", \"version\": \"1\"}, \"paths\": {}}", "/specs/api.json");
        good.GeneratorDiagnostics.ShouldBeEmpty();
        good.Source("UsersClient.g.cs").ShouldContain("Tést \"q\"");

        var bad = Run("{\n  \"openapi\": \"3.1.0\",\n  \"info\": { \"title\": \"T\" \"version\": \"1\" }\n}", "/specs/api.json");
        var diagnostic = bad.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("OAG001");
        Line(diagnostic).ShouldBe(3);
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("Expected ',' or '}'");
    }

    [Theory]
    [InlineData("/specs/deep.json")]
    [InlineData("/specs/deep.yaml")]
    public void Nesting_thousands_of_levels_deep_is_a_located_diagnostic_not_a_stack_overflow(string path)
    {
        const int depth = 4000;
        var nested = path.EndsWith(".json", StringComparison.Ordinal)
            ? "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"D\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{\"Deep\":"
                + string.Concat(Enumerable.Repeat("{\"type\":\"object\",\"properties\":{\"child\":", depth)) + "{\"type\":\"string\"}" + string.Concat(Enumerable.Repeat("}}", depth)) + "}}}"
            : "openapi: 3.1.0\ninfo: { title: D, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Deep: "
                + string.Concat(Enumerable.Repeat("{type: object, properties: {child: ", depth)) + "{type: string}" + string.Concat(Enumerable.Repeat("}}", depth)) + "\n";

        var run = Run(nested, path);

        run.Result.Results.ShouldAllBe(r => r.Exception == null);
        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "OAG009");
        run.GeneratorDiagnostics.ShouldContain(d => d.Id == "OAG004" && d.Location.GetLineSpan().Path == path);
        run.Sources.ShouldAllBe(s => s.HintName.Length < 120);
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void A_repeated_key_warns_and_the_last_value_is_used()
    {
        var run = Run("openapi: 3.1.0\ninfo: { title: Twice, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        name: { type: integer }\n        name: { type: string }\n");

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("OAG011");
        Line(diagnostic).ShouldBe(10);
        run.Source("Models.A.g.cs").ShouldContain("public string? Name { get; set; }");
    }

    [Fact]
    public void An_external_ref_anywhere_is_reported_where_it_is()
    {
        var run = Run("""
            openapi: 3.1.0
            info: { title: External, version: '1' }
            paths:
              /a:
                $ref: 'paths.yaml#/a'
              /b:
                get:
                  $ref: 'operations.yaml#/getB'
              /c:
                get:
                  operationId: getC
                  parameters:
                    - $ref: 'parameters.yaml#/id'
                  responses:
                    '200':
                      $ref: 'responses.yaml#/ok'
            """);

        run.GeneratorDiagnostics.Where(d => d.Id == "OAG004").Select(Line).ShouldBe([5, 8, 13, 16], ignoreOrder: true);
        run.GeneratorDiagnostics.ShouldAllBe(d => d.Id == "OAG004");
        run.Source("B.BRequestBuilder.g.cs").ShouldNotContain("GetAsync(");
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void A_ref_key_inside_an_example_is_data()
    {
        var run = Run("openapi: 3.1.0\ninfo: { title: Ex, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    A:\n      type: object\n      properties:\n        example: { type: string }\n      example: { $ref: 'not-a-reference' }\n");

        run.GeneratorDiagnostics.ShouldBeEmpty();
    }
}
