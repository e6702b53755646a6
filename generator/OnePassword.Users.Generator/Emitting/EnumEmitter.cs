using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>
/// Writes an enum with its wire names and an <c>Unknown</c> member, so a value the API adds
/// later reads as <c>Unknown</c> instead of failing the whole response.
/// </summary>
internal static class EnumEmitter
{
    /// <returns>The hint name of the file when the type has a file of its own.</returns>
    public static string Emit(SourceWriter w, ApiModel api, EnumType type)
    {
        var models = api.Options.Namespace + ".Models";
        var access = api.Options.Accessibility;
        w.Open("namespace " + models);

        w.Doc(type.Description, fallback: $"The {type.Name} values.");
        w.Line(ClientEmitter.GeneratedCodeAttribute);
        w.Open($"{access} enum {type.Name}");
        foreach (var member in type.Members)
        {
            w.Doc($"The wire value <c>{(member.WireValue)}</c>.");
            w.Line($"[global::System.Runtime.Serialization.EnumMember(Value = {SourceWriter.Literal(member.WireValue)})]");
            w.Line(member.Name + ",");
        }

        w.Doc("A value this version of the client does not know, added to the API later.");
        w.Line("Unknown = -1,");
        w.Close();
        w.Line();

        w.Doc($"Converts {type.Name} values to and from their wire names.");
        w.Line(ClientEmitter.GeneratedCodeAttribute);
        w.Open($"{access} static class {type.Name}Json");
        w.Doc("The wire name of a value.");
        w.Line("/// <param name=\"value\">A known value.</param>");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"value\"/> is Unknown or undefined.</exception>");
        w.Line($"public static string ToWireName(this {type.Name} value) => ToWireNameOrNull(value) ?? throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"{type.Name}.Unknown has no wire name.\");");
        w.Line();
        w.Doc("The wire name of a value, or null for Unknown.");
        w.Line("/// <param name=\"value\">The value.</param>");
        w.Open($"public static string? ToWireNameOrNull(this {type.Name} value) => value switch");
        foreach (var member in type.Members)
        {
            w.Line($"{type.Name}.{member.Name} => {SourceWriter.Literal(member.WireValue)},");
        }

        w.Line("_ => null,");
        w.Close("};");
        w.Line();
        w.Doc("The value for a wire name: Unknown for names this client does not know, null for null.");
        w.Line("/// <param name=\"wireName\">The name as sent by the API.</param>");
        w.Open($"public static {type.Name}? Parse(string? wireName) => wireName switch");
        w.Line("null => null,");
        foreach (var member in type.Members)
        {
            w.Line($"{SourceWriter.Literal(member.WireValue)} => {type.Name}.{member.Name},");
        }

        w.Line($"_ => {type.Name}.Unknown,");
        w.Close("};");
        w.Line();
        w.Doc("Reads the value at the reader's position without allocating a string.");
        w.Line("/// <param name=\"reader\">A reader on a string or null token.</param>");
        w.Open($"public static {type.Name}? Read(ref global::System.Text.Json.Utf8JsonReader reader)");
        w.Open("if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)");
        w.Line("return null;");
        w.Close();
        w.Line("global::OnePassword.Users.Runtime.JsonReading.ExpectString(ref reader);");
        foreach (var member in type.Members)
        {
            w.Open($"if (reader.ValueTextEquals({SourceWriter.Utf8Literal(member.WireValue)}))");
            w.Line($"return {type.Name}.{member.Name};");
            w.Close();
        }

        w.Line($"return {type.Name}.Unknown;");
        w.Close();
        w.Close();
        w.Close();
        return HintNames.For(models, type.Name);
    }
}
