using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>
/// Writes a union wrapper for a oneOf/anyOf without a usable discriminator: one nullable
/// accessor per alternative. Reading picks the alternative from the JSON token (string, number,
/// boolean, array, object); among objects, the discriminator if there is one, else the
/// alternative whose required properties are all present and that knows most of the object's
/// properties (the first one on a tie). Writing writes the first accessor that is set.
/// </summary>
internal static class UnionEmitter
{
    private const string Json = "global::System.Text.Json";
    private const string Reading = "global::OnePassword.Users.Runtime.JsonReading";

    /// <returns>The hint name of the file when the type has a file of its own.</returns>
    public static string Emit(SourceWriter w, ApiModel api, UnionType type)
    {
        var models = api.Options.Namespace + ".Models";
        var helper = "global::" + models + "." + Parsing.TypeNames.HelperClass;
        w.Open("namespace " + models);
        var names = string.Join(", ", type.Alternatives.Select(a => a.PropertyName));
        w.Doc(type.Description, $"One of: {names}. Exactly one accessor is set after reading; set one before writing.", fallback: $"One of: {names}.");
        w.Line(ClientEmitter.GeneratedCodeAttribute);
        w.Open($"{api.Options.Accessibility} partial class {type.Name}");
        foreach (var alternative in type.Alternatives)
        {
            w.Doc($"The value, when it is a {alternative.PropertyName}.");
            w.Line($"public {CSharpTypes.Nullable(alternative.Type, models)} {alternative.PropertyName} {{ get; set; }}");
            w.Line();
        }

        var objects = type.Alternatives.Where(a => a.Type.Kind is TypeKind.Object or TypeKind.Union or TypeKind.Map or TypeKind.Json).ToList();
        if (objects.Count > 1)
        {
            w.Line($"private static readonly string[][] RequiredNames = [{string.Join(", ", objects.Select(a => Strings(a.RequiredWireNames)))}];");
            w.Line($"private static readonly string[][] KnownNames = [{string.Join(", ", objects.Select(a => Strings(a.KnownWireNames)))}];");
            w.Line();
        }

        w.Doc($"Reads a {type.Name} from the JSON value at the reader's position, without reflection.");
        w.Line("/// <param name=\"reader\">A reader positioned on the value's first token.</param>");
        w.Line($"/// <exception cref=\"{Json}.JsonException\">The value matches none of the alternatives.</exception>");
        w.Open($"public static {type.Name} ReadJson(ref {Json}.Utf8JsonReader reader)");
        w.Open($"if (reader.TokenType == {Json}.JsonTokenType.None)");
        w.Line("reader.Read();");
        w.Close();
        w.Line($"var result = new {type.Name}();");
        w.Open("switch (reader.TokenType)");
        w.Line($"case {Json}.JsonTokenType.Null:");
        w.Line("    return result;");
        EmitCase(w, models, "String", type.Alternatives.FirstOrDefault(a => a.Type.Kind is TypeKind.String or TypeKind.Enum or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Guid or TypeKind.Bytes));
        var integer = type.Alternatives.FirstOrDefault(a => a.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        var number = type.Alternatives.FirstOrDefault(a => a.Type.Kind is TypeKind.Float or TypeKind.Double or TypeKind.Decimal);
        if (integer is not null && number is not null)
        {
            w.Line($"case {Json}.JsonTokenType.Number when reader.TryGetInt64(out _):");
            w.Line($"    result.{integer.PropertyName} = {JsonCode.ReadNullable(integer.Type, models, "reader")};");
            w.Line("    return result;");
        }

        EmitCase(w, models, "Number", number ?? integer);
        var boolean = type.Alternatives.FirstOrDefault(a => a.Type.Kind == TypeKind.Boolean);
        if (boolean is not null)
        {
            w.Line($"case {Json}.JsonTokenType.True:");
        }

        EmitCase(w, models, "False", boolean);
        EmitCase(w, models, "StartArray", type.Alternatives.FirstOrDefault(a => a.Type.Kind == TypeKind.Array));
        if (objects.Count == 1)
        {
            EmitCase(w, models, "StartObject", objects[0]);
        }
        else if (objects.Count > 1)
        {
            w.Line($"case {Json}.JsonTokenType.StartObject:");
            w.Open();
            if (type.Discriminator is { Cases.Count: > 0 } discriminator)
            {
                w.Open($"switch ({helper}.PeekString(reader, {SourceWriter.Utf8Literal(discriminator.PropertyWireName)}))");
                foreach (var @case in discriminator.Cases)
                {
                    var target = objects.First(a => a.Type.Kind == TypeKind.Object && a.Type.Name == @case.TypeName);
                    w.Line($"case {SourceWriter.Literal(@case.WireValue)}:");
                    w.Line($"    result.{target.PropertyName} = {JsonCode.ReadNullable(target.Type, models, "reader")};");
                    w.Line("    return result;");
                }

                w.Close();
            }

            w.Open($"switch ({helper}.Choose({helper}.PeekPropertyNames(reader), RequiredNames, KnownNames))");
            for (var i = 0; i < objects.Count; i++)
            {
                w.Line($"case {i.ToString(CultureInfo.InvariantCulture)}:");
                w.Line($"    result.{objects[i].PropertyName} = {JsonCode.ReadNullable(objects[i].Type, models, "reader")};");
                w.Line("    return result;");
            }

            w.Close();
            w.Line("break;");
            w.Close();
        }

        w.Close();
        w.Line($"throw new {Json}.JsonException($\"A {{reader.TokenType}} value matches none of the alternatives of {type.Name}.\");");
        w.Close();
        w.Line();

        w.Doc($"Writes the accessor that is set as JSON; null when none is.");
        w.Line("/// <param name=\"writer\">The writer to write to.</param>");
        w.Open($"public void WriteJson({Json}.Utf8JsonWriter writer)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        var index = 0;
        foreach (var alternative in type.Alternatives)
        {
            var local = "value" + index.ToString(CultureInfo.InvariantCulture);
            index++;
            w.Open($"if ({alternative.PropertyName} is {{ }} {local})");
            w.Line(JsonCode.WriteValue(alternative.Type, models, local, "writer"));
            w.Line("return;");
            w.Close();
        }

        w.Line("writer.WriteNullValue();");
        w.Close();
        w.Close();
        w.Close();
        return HintNames.For(models, type.Name);
    }

    private static void EmitCase(SourceWriter w, string models, string token, UnionAlternative? alternative)
    {
        if (alternative is null)
        {
            return;
        }

        w.Line($"case {Json}.JsonTokenType.{token}:");
        w.Line($"    result.{alternative.PropertyName} = {JsonCode.ReadNullable(alternative.Type, models, "reader")};");
        w.Line("    return result;");
    }

    private static string Strings(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(SourceWriter.Literal)) + "]";
}
