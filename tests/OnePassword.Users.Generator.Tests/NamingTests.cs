using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Generator.Tests;

/// <summary>Every C# name is legal and unique by one rule; a clash is a rename (OAG010), never a lost element; wire names stay.</summary>
public class NamingTests
{
    private static GeneratorRun Run(string body) => GeneratorHarness.Run(SpecInput.Users("openapi: 3.1.0\ninfo: { title: Names, version: '1' }\n" + body));

    [Fact]
    public void Names_that_clash_with_their_class_or_generated_members_are_renamed_and_keep_their_wire_names()
    {
        var run = Run("""
            paths: {}
            components:
              schemas:
                AmpUrl:
                  type: object
                  properties:
                    ampUrl: { type: string }
                    additionalData: { type: string }
                    toString: { type: string }
                  additionalProperties: true
                Sign:
                  type: string
                  enum: ['+1', '-1', Unknown, unknown]
            """);

        run.GeneratorDiagnostics.Select(d => (d.Id, d.Severity)).Distinct().ShouldBe([("OAG010", DiagnosticSeverity.Info)]);
        var model = run.Source("Models.AmpUrl.g.cs");
        model.ShouldContain("public string? AmpUrl2 { get; set; }");
        model.ShouldContain("public string? AdditionalData2 { get; set; }");
        model.ShouldContain("public string? ToString2 { get; set; }");
        model.ShouldContain("reader.ValueTextEquals(\"ampUrl\"u8)");
        model.ShouldContain("writer.WritePropertyName(\"additionalData\"u8)");
        run.Compilation("Contoso.Users.Models.Sign").GetMembers().OfType<IFieldSymbol>().Select(f => f.Name)
            .ShouldBe(["Plus1", "Minus1", "Unknown2", "unknown", "Unknown"]);
        run.Source("Models.Sign.g.cs").ShouldContain("\"-1\" => Sign.Minus1,");
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void Non_ASCII_names_keep_their_letters_and_Latin_accents_are_dropped()
    {
        var run = Run("""
            paths: {}
            components:
              schemas:
                Person:
                  type: object
                  properties:
                    名前: { type: string }
                    年齢: { type: integer }
                    Pét: { type: string }
                    "😀": { type: boolean }
            """);

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.Compilation("Contoso.Users.Models.Person").GetMembers().OfType<IPropertySymbol>().Select(p => p.Name)
            .ShouldBe(["名前", "年齢", "Pet", "U1F600"]);
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void Query_parameters_that_differ_by_an_operator_get_words_for_it()
    {
        var run = Run("""
            paths:
              /Calls.json:
                get:
                  operationId: listCalls
                  parameters:
                    - { name: StartTime, in: query, schema: { type: string, format: date-time } }
                    - { name: StartTime<, in: query, schema: { type: string, format: date-time } }
                    - { name: StartTime>, in: query, schema: { type: string, format: date-time } }
                    - { name: EndTime>=, in: query, schema: { type: string } }
                  responses: { '204': { description: ok } }
            """);

        run.GeneratorDiagnostics.ShouldBeEmpty();
        var source = run.Source("CallsJson.CallsJsonRequestBuilder.g.cs");
        source.ShouldContain("public global::System.DateTimeOffset? StartTimeBefore { get; set; }");
        source.ShouldContain("public global::System.DateTimeOffset? StartTimeAfter { get; set; }");
        source.ShouldContain("public string? EndTimeOnOrAfter { get; set; }");
        source.ShouldContain("[global::Microsoft.Kiota.Abstractions.QueryParameter(\"StartTime%3C\")]");
        run.CompileProblems.ShouldBeEmpty();
    }

    [Fact]
    public void Path_segments_with_literal_text_around_parameters_become_navigation_methods()
    {
        var run = Run("""
            paths:
              /Accounts/{Sid}.json:
                get:
                  operationId: fetchAccount
                  parameters: [{ name: Sid, in: path, required: true, schema: { type: string } }]
                  responses: { '204': { description: ok } }
              /Accounts/{AccountSid}/Calls.json:
                get:
                  operationId: listCalls
                  parameters: [{ name: AccountSid, in: path, required: true, schema: { type: string } }]
                  responses: { '204': { description: ok } }
              /repos/{owner}/compare/{base}...{head}:
                get:
                  operationId: compare
                  parameters:
                    - { name: owner, in: path, required: true, schema: { type: string } }
                    - { name: base, in: path, required: true, schema: { type: string } }
                    - { name: head, in: path, required: true, schema: { type: string } }
                  responses: { '204': { description: ok } }
            """);

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompileProblems.ShouldBeEmpty();
        run.Compilation("Contoso.Users.Accounts.AccountsRequestBuilder").GetMembers("WithSidJson").OfType<IMethodSymbol>().Single().Parameters.Select(p => p.Name).ShouldBe(["sid"]);
        run.Source("Accounts.WithSidJson.WithSidJsonRequestBuilder.g.cs").ShouldContain("\"{+baseurl}/Accounts/{+Sid}.json\"");
        run.Source("Accounts.Item.CallsJson.CallsJsonRequestBuilder.g.cs").ShouldContain("\"{+baseurl}/Accounts/{+AccountSid}/Calls.json\"");
        var compare = run.Compilation("Contoso.Users.Repos.Item.Compare.CompareRequestBuilder").GetMembers("WithBaseWithHead").OfType<IMethodSymbol>().Single();
        compare.Parameters.Select(p => p.Name).ShouldBe(["base", "head"]);
        run.Source("Repos.Item.Compare.WithBaseWithHead.WithBaseWithHeadRequestBuilder.g.cs").ShouldContain("\"{+baseurl}/repos/{+owner}/compare/{+base}...{+head}\"");
    }

    [Fact]
    public void Huge_names_are_cut_with_a_hash_and_stay_unique()
    {
        var longName = new string('a', 600);
        var run = Run($$"""
            paths: {}
            components:
              schemas:
                {{longName}}x: { type: object, properties: { {{longName}}1: { type: string }, {{longName}}2: { type: string } } }
                {{longName}}y: { type: object, properties: { id: { type: string } } }
            """);

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompileProblems.ShouldBeEmpty();
        run.Sources.Select(s => s.HintName).ShouldAllBe(name => name.Length <= 100);
        run.Sources.Select(s => s.HintName).ShouldBeUnique();
    }
}
