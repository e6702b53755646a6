using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Generator.Tests;

public class OptionsAndShapesTests
{
    [Fact]
    public void Namespace_client_name_and_internal_accessibility_apply_to_every_generated_type()
    {
        var run = GeneratorHarness.Run(SpecInput.Users(SpecFiles.UsersApi, ns: "Partner.Embedded.OnePassword", clientName: "OnePasswordUsers", accessibility: "internal"));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompileProblems.ShouldBeEmpty();
        var generated = run.Output.SyntaxTrees
            .Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
            .SelectMany(t => run.Output.GetSemanticModel(t).SyntaxTree.GetRoot().DescendantNodes()
                .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
                .Select(d => run.Output.GetSemanticModel(t).GetDeclaredSymbol(d)!))
            .Where(symbol => symbol.ContainingType is null)
            .ToList();

        generated.ShouldNotBeEmpty();
        generated.ShouldAllBe(symbol => symbol.DeclaredAccessibility == Accessibility.Internal);
        generated.ShouldAllBe(symbol => symbol.ContainingNamespace.ToDisplayString().StartsWith("Partner.Embedded.OnePassword", StringComparison.Ordinal));
        run.Output.GetTypeByMetadataName("Partner.Embedded.OnePassword.OnePasswordUsers").ShouldNotBeNull();
    }

    [Fact]
    public void Two_specs_in_one_compilation_do_not_clash()
    {
        var run = GeneratorHarness.Run(
            [
                new SpecInput("/a/users-api.yaml", SpecFiles.UsersApi, SpecInput.Options("First.Users", "FirstClient")),
                new SpecInput("/b/published.json", SpecFiles.PublishedV1Beta1, SpecInput.Options("Second.Users", "SecondClient", "internal")),
            ]);

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompileProblems.Select(d => d.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void Any_colon_verb_becomes_navigation_on_items_and_collections()
    {
        var run = GeneratorHarness.Run(SpecInput.Users("""
            openapi: 3.1.0
            info: { title: Shelves, version: '1' }
            paths:
              /v2/shelves/{shelf_id}/books/{book_id}:moveTo:
                post:
                  operationId: moveBook
                  parameters:
                    - { name: shelf_id, in: path, required: true, schema: { type: string } }
                    - { name: book_id, in: path, required: true, schema: { type: string } }
                  requestBody:
                    required: true
                    content: { application/json: { schema: { $ref: '#/components/schemas/MoveRequest' } } }
                  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Book' } } } } }
              /v2/shelves/{shelf_id}/books:batchGet:
                get:
                  operationId: batchGetBooks
                  parameters:
                    - { name: shelf_id, in: path, required: true, schema: { type: string } }
                    - { name: names, in: query, required: true, schema: { type: array, items: { type: string } } }
                  responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Book' } } } } } }
            components:
              schemas:
                MoveRequest:
                  type: object
                  required: [target]
                  properties: { target: { type: string } }
                Book:
                  type: object
                  properties:
                    name: { type: string }
                    tags: { type: array, items: { type: array, items: { type: integer } } }
                    published: { type: string, format: date }
            """));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompileProblems.Select(d => d.ToString()).ShouldBeEmpty();
        run.Source("Shelves.Item.Books.Item.MoveTo.MoveToRequestBuilder.g.cs").ShouldContain("{+baseurl}/v2/shelves/{+shelf_id}/books/{+book_id}:moveTo");
        run.Source("Shelves.Item.Books.BatchGet.BatchGetRequestBuilder.g.cs").ShouldContain("{+baseurl}/v2/shelves/{+shelf_id}/books:batchGet{?names*}");
    }
}
