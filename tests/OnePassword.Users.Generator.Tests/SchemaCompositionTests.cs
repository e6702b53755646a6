using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Generator.Tests;

/// <summary>
/// allOf, oneOf/anyOf (with and without a discriminator) and additionalProperties give real
/// types, and the generated readers and writers do the right thing with JSON: the tests compile
/// the generated code with a small probe, load it and run it.
/// </summary>
public class SchemaCompositionTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: Pets, version: '1' }
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/Pet' } }
        components:
          schemas:
            Pet:
              type: object
              required: [petType, name]
              properties:
                petType: { type: string }
                name: { type: string }
              discriminator:
                propertyName: petType
                mapping:
                  kitty: '#/components/schemas/Cat'
            Cat:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  properties:
                    livesLeft: { type: integer }
            Dog:
              allOf:
                - $ref: '#/components/schemas/Pet'
                - type: object
                  required: [barks]
                  properties:
                    barks: { type: boolean }
            Timestamps:
              type: object
              properties:
                created: { type: string, format: date-time }
            Audited:
              allOf:
                - $ref: '#/components/schemas/Named'
                - $ref: '#/components/schemas/Timestamps'
                - properties:
                    by: { type: string }
            Named:
              type: object
              properties:
                name: { type: string }
            Vehicle:
              oneOf:
                - $ref: '#/components/schemas/Car'
                - $ref: '#/components/schemas/Bike'
              discriminator: { propertyName: kind }
            Conveyance:
              oneOf:
                - $ref: '#/components/schemas/Car'
                - $ref: '#/components/schemas/Bike'
              discriminator: { propertyName: kind }
            Car:
              type: object
              properties:
                kind: { type: string }
                doors: { type: integer }
            Bike:
              type: object
              properties:
                kind: { type: string }
                gears: { type: integer }
            Shape:
              oneOf:
                - type: object
                  required: [radius]
                  properties: { radius: { type: number } }
                - type: object
                  required: [side]
                  properties: { side: { type: number } }
                - type: string
                - type: integer
            Labels:
              type: object
              additionalProperties: { type: string }
            Inventory:
              type: object
              properties:
                counts: { type: object, additionalProperties: { type: integer } }
                pets: { type: object, additionalProperties: { $ref: '#/components/schemas/Pet' } }
        """;

    private const string ProbeSource = """
        namespace Probe;
        using Contoso.Users.Models;

        internal static class Run
        {
            public static string Read(string model, string json)
            {
                var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
                reader.Read();
                object value = model switch
                {
                    "Pet" => Pet.ReadJson(ref reader),
                    "Vehicle" => Vehicle.ReadJson(ref reader),
                    "Conveyance" => Conveyance.ReadJson(ref reader),
                    "Shape" => Shape.ReadJson(ref reader),
                    "Inventory" => Inventory.ReadJson(ref reader),
                    _ => throw new System.ArgumentException(model),
                };
                var buffer = new System.IO.MemoryStream();
                using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
                {
                    switch (value)
                    {
                        case Pet pet: pet.WriteJson(writer); break;
                        case Vehicle vehicle: vehicle.WriteJson(writer); break;
                        case Conveyance conveyance: conveyance.WriteJson(writer); break;
                        case Shape shape: shape.WriteJson(writer); break;
                        case Inventory inventory: inventory.WriteJson(writer); break;
                    }
                }

                var shown = value is Conveyance c ? (c.Car is not null ? "Conveyance.Car" : c.Bike is not null ? "Conveyance.Bike" : "Conveyance") : value is Shape s ? (s.ShapeOption1 is not null ? "ShapeOption1" : s.ShapeOption2 is not null ? "ShapeOption2" : s.String is not null ? "String" : "Integer") : value.GetType().Name;
                return shown + " " + System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            }

            public static string NewDog()
            {
                var dog = new Dog { Name = "Rex", Barks = true };
                var buffer = new System.IO.MemoryStream();
                using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
                {
                    ((Pet)dog).WriteJson(writer);
                }

                return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            }
        }
        """;

    private static readonly Lazy<(GeneratorRun Run, Assembly? Assembly)> Generated = new(() =>
    {
        var run = GeneratorHarness.Run([SpecInput.Users(Spec)], ProbeSource);
        return (run, run.CompileProblems.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : GeneratorHarness.Load(run));
    });

    private static string Read(string model, string json) =>
        (string)Generated.Value.Assembly!.GetType("Probe.Run")!.GetMethod("Read")!.Invoke(null, [model, json])!;

    [Fact]
    public void The_spec_generates_without_diagnostics_and_compiles_without_warnings()
    {
        Generated.Value.Run.GeneratorDiagnostics.ShouldBeEmpty();
        Generated.Value.Run.CompileProblems.Select(d => d.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void AllOf_with_a_ref_derives_from_it_and_several_refs_merge()
    {
        var compilation = Generated.Value.Run.Output;
        compilation.GetTypeByMetadataName("Contoso.Users.Models.Cat")!.BaseType!.Name.ShouldBe("Pet");
        compilation.GetTypeByMetadataName("Contoso.Users.Models.Dog")!.BaseType!.Name.ShouldBe("Pet");
        var audited = compilation.GetTypeByMetadataName("Contoso.Users.Models.Audited")!;
        audited.BaseType!.Name.ShouldBe("Named");
        audited.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).ShouldBe(["By", "Created"], ignoreOrder: true);
    }

    [Fact]
    public void A_base_with_a_discriminator_reads_the_derived_class_it_names()
    {
        Read("Pet", """{"name":"Tom","livesLeft":9,"petType":"kitty"}""").ShouldBe("""Cat {"petType":"kitty","name":"Tom","livesLeft":9}""");
        Read("Pet", """{"petType":"Dog","name":"Rex","barks":true}""").ShouldBe("""Dog {"petType":"Dog","name":"Rex","barks":true}""");
        Read("Pet", """{"petType":"Parrot","name":"Polly","talks":true}""").ShouldBe("""Pet {"petType":"Parrot","name":"Polly"}""");
    }

    [Fact]
    public void A_new_derived_instance_carries_its_discriminator_value()
    {
        var json = (string)Generated.Value.Assembly!.GetType("Probe.Run")!.GetMethod("NewDog")!.Invoke(null, [])!;

        json.ShouldBe("""{"petType":"Dog","name":"Rex","barks":true}""");
    }

    [Fact]
    public void A_discriminated_oneOf_is_a_base_its_alternatives_derive_from()
    {
        Generated.Value.Run.Output.GetTypeByMetadataName("Contoso.Users.Models.Car")!.BaseType!.Name.ShouldBe("Vehicle");
        Read("Vehicle", """{"kind":"Bike","gears":21}""").ShouldBe("""Bike {"kind":"Bike","gears":21}""");
        Read("Vehicle", """{"kind":"Car","doors":5}""").ShouldBe("""Car {"kind":"Car","doors":5}""");
    }

    [Fact]
    public void A_second_discriminated_oneOf_over_the_same_schemas_is_a_union_read_by_the_discriminator()
    {
        Generated.Value.Run.Output.GetTypeByMetadataName("Contoso.Users.Models.Conveyance")!.BaseType!.Name.ShouldBe("Object");
        Read("Conveyance", """{"doors":3,"kind":"Bike"}""").ShouldBe("""Conveyance.Bike {"kind":"Bike"}""");
        Read("Conveyance", """{"kind":"Car","doors":3}""").ShouldBe("""Conveyance.Car {"kind":"Car","doors":3}""");
    }

    [Fact]
    public void A_oneOf_without_discriminator_is_a_union_that_picks_by_token_and_required_properties()
    {
        Read("Shape", """{"side":2}""").ShouldBe("""ShapeOption2 {"side":2}""");
        Read("Shape", """{"radius":1.5}""").ShouldBe("""ShapeOption1 {"radius":1.5}""");
        Read("Shape", "\"square\"").ShouldBe("String \"square\"");
        Read("Shape", "7").ShouldBe("Integer 7");
        Should.Throw<TargetInvocationException>(() => Read("Shape", "true")).InnerException.ShouldBeOfType<System.Text.Json.JsonException>();
    }

    [Fact]
    public void AdditionalProperties_give_typed_dictionaries()
    {
        var source = Generated.Value.Run.Source("Models.Inventory.g.cs");
        source.ShouldContain("public global::System.Collections.Generic.Dictionary<string, int>? Counts { get; set; }");
        source.ShouldContain("public global::System.Collections.Generic.Dictionary<string, global::Contoso.Users.Models.Pet>? Pets { get; set; }");
        Read("Inventory", """{"counts":{"a":1,"b":2},"pets":{"tom":{"petType":"kitty","name":"Tom"}}}""")
            .ShouldBe("""Inventory {"counts":{"a":1,"b":2},"pets":{"tom":{"petType":"kitty","name":"Tom"}}}""");
        Generated.Value.Run.Output.GetTypeByMetadataName("Contoso.Users.Models.Labels").ShouldBeNull();
    }
}
