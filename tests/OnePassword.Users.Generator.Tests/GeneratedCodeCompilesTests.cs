using OnePassword.Users.Generator.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Generator.Tests;

/// <summary>Shapes that real specs have in numbers: the generated code must compile without a warning.</summary>
public class GeneratedCodeCompilesTests
{
    private static GeneratorRun Run(string body) => GeneratorHarness.Run(SpecInput.Users("openapi: 3.1.0\ninfo: { title: Shapes, version: '1' }\n" + body));

    [Fact]
    public void Two_nullable_enums_and_two_JSON_fallback_properties_in_one_object_compile()
    {
        var run = Run("""
            paths: {}
            components:
              schemas:
                Invoice:
                  type: object
                  properties:
                    currency: { type: string, enum: [EUR, USD] }
                    status: { type: string, enum: [pending, paid] }
                    lines: { type: array, items: { type: array, items: { type: integer } } }
                    extra: { type: array, items: { type: array, items: { type: string } } }
            """);

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompileProblems.Select(d => d.ToString()).ShouldBeEmpty();
    }
}
