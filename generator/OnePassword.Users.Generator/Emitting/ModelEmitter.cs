using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>
/// Writes one model class: properties, the Kiota IParsable members and the fast JSON path. A
/// derived class (allOf, or an alternative of a discriminated oneOf) declares only its own
/// properties, and reads and writes its inherited ones too; a base class with a discriminator
/// reads the value first and hands the object to the derived class it selects.
/// </summary>
internal static class ModelEmitter
{
    private const string Kiota = "global::Microsoft.Kiota.Abstractions.Serialization";
    private const string Reading = "global::OnePassword.Users.Runtime.JsonReading";
    private const string Dictionary = "global::System.Collections.Generic.Dictionary";

    /// <param name="hasDerived">Whether another class derives from this one, so its writer must be virtual.</param>
    /// <returns>The hint name of the file when the type has a file of its own.</returns>
    public static string Emit(SourceWriter w, ApiModel api, ObjectType type, bool hasDerived)
    {
        var models = api.Options.Namespace + ".Models";
        w.Open("namespace " + models);
        w.Doc(type.Description, fallback: $"The {type.Name} model.");
        w.Line(ClientEmitter.GeneratedCodeAttribute);
        var bases = new List<string> { type.BaseName is null ? Kiota + ".IParsable" : "global::" + models + "." + type.BaseName };
        if (type.AllowsAdditionalProperties)
        {
            bases.Add(Kiota + ".IAdditionalDataHolder");
        }

        w.Open($"{api.Options.Accessibility} partial class {type.Name} : {string.Join(", ", bases)}");
        if (type.DiscriminatorValue is not null)
        {
            w.Doc($"Creates the model with <c>{type.DiscriminatorProperty}</c> set to <c>{type.DiscriminatorValue}</c>, the value that selects it.");
            w.Line($"public {type.Name}() => {type.DiscriminatorProperty} = {SourceWriter.Literal(type.DiscriminatorValue)};");
            w.Line();
        }

        foreach (var property in type.Properties)
        {
            EmitProperty(w, property, models);
        }

        if (type.AllowsAdditionalProperties)
        {
            // Created on first use: most responses carry no property beyond the schema, and a list
            // page would otherwise allocate an empty dictionary per item. Derived models write it
            // through the field too, so it is visible to them (a model and its base always share
            // one assembly).
            w.Line("private protected global::System.Collections.Generic.IDictionary<string, object>? _additionalData;");
            w.Line();
            w.Doc("Properties the schema does not name; the fast JSON path stores them as JsonElement values.");
            w.Line("public global::System.Collections.Generic.IDictionary<string, object> AdditionalData { get => _additionalData ??= new global::System.Collections.Generic.Dictionary<string, object>(); set => _additionalData = value; }");
            w.Line();
        }

        EmitKiotaMembers(w, type, models);
        EmitReadJson(w, type, models);
        EmitWriteJson(w, type, models, hasDerived);

        w.Close();
        w.Close();
        return HintNames.For(models, type.Name);
    }

    private static void EmitProperty(SourceWriter w, PropertyModel property, string models)
    {
        var typeName = CSharpTypes.Name(property.Type, models);
        w.Doc(property.Description, fallback: $"The <c>{property.WireName}</c> property.");
        if (property.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        if (property.Nullable)
        {
            w.Line($"public {typeName}? {property.Name} {{ get; set; }}{ConstInitializer(property)}");
        }
        else
        {
            var initializer = ConstInitializer(property) is { Length: > 0 } constant ? constant : DefaultInitializer(property.Type);
            w.Line($"public {typeName} {property.Name} {{ get; set; }}{initializer}");
        }

        w.Line();
    }

    private static string ConstInitializer(PropertyModel property) =>
        property.ConstValue is not null && property.Type.Kind == TypeKind.String ? $" = {SourceWriter.Literal(property.ConstValue)};" : string.Empty;

    private static string DefaultInitializer(TypeRef type) => type.Kind switch
    {
        TypeKind.String => " = string.Empty;",
        TypeKind.Bytes => " = global::System.Array.Empty<byte>();",
        TypeKind.Object or TypeKind.Array or TypeKind.Map or TypeKind.Union => " = new();",
        _ => string.Empty,
    };

    private static void EmitKiotaMembers(SourceWriter w, ObjectType type, string models)
    {
        var derived = type.BaseName is not null;
        w.Doc($"Creates a {type.Name} for Kiota's parse nodes{(type.Discriminator is { Cases.Count: > 0 } ? ", or the derived model its discriminator selects" : string.Empty)}.");
        w.Line($"/// <param name=\"parseNode\">The node to read from.</param>");
        w.Open($"public static {(derived ? "new " : string.Empty)}{type.Name} CreateFromDiscriminatorValue({Kiota}.IParseNode parseNode)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(parseNode);");
        if (type.Discriminator is { Cases.Count: > 0 } discriminator)
        {
            w.Open($"return parseNode.GetChildNode({SourceWriter.Literal(discriminator.PropertyWireName)})?.GetStringValue() switch");
            foreach (var @case in discriminator.Cases)
            {
                w.Line($"{SourceWriter.Literal(@case.WireValue)} => new global::{models}.{@case.TypeName}(),");
            }

            w.Line($"_ => new {type.Name}(),");
            w.Close("};");
        }
        else
        {
            w.Line($"return new {type.Name}();");
        }

        w.Close();
        w.Line();

        w.Line("/// <inheritdoc />");
        w.Open($"public {(derived ? "override" : "virtual")} global::System.Collections.Generic.IDictionary<string, global::System.Action<{Kiota}.IParseNode>> GetFieldDeserializers()");
        if (derived)
        {
            w.Line("var fields = base.GetFieldDeserializers();");
            foreach (var property in type.Properties)
            {
                w.Line($"fields[{SourceWriter.Literal(property.WireName)}] = {FieldReader(property, models)};");
            }

            w.Line("return fields;");
        }
        else
        {
            w.Open($"return new {Dictionary}<string, global::System.Action<{Kiota}.IParseNode>>");
            foreach (var property in type.Properties)
            {
                w.Line($"{{ {SourceWriter.Literal(property.WireName)}, {FieldReader(property, models)} }},");
            }

            w.Close("};");
        }

        w.Close();
        w.Line();

        w.Line("/// <inheritdoc />");
        w.Open($"public {(derived ? "override" : "virtual")} void Serialize({Kiota}.ISerializationWriter writer)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        if (derived)
        {
            w.Line("base.Serialize(writer);");
        }

        var index = 0;
        foreach (var property in type.Properties)
        {
            w.Line(KiotaCode.Write(property.Type, models, property.WireName, property.Name, property.Nullable, "value" + index.ToString(CultureInfo.InvariantCulture)));
            index++;
        }

        if (type.AllowsAdditionalProperties)
        {
            w.Line("if (_additionalData is not null) { writer.WriteAdditionalData(_additionalData); }");
        }

        w.Close();
        w.Line();
    }

    private static string FieldReader(PropertyModel property, string models)
    {
        var fallback = property.Nullable ? string.Empty : NonNullFallback(property.Type);
        return $"n => {{ {property.Name} = {KiotaCode.Read(property.Type, models)}{fallback}; }}";
    }

    private static string NonNullFallback(TypeRef type) => type.Kind switch
    {
        TypeKind.String => " ?? string.Empty",
        TypeKind.Bytes => " ?? global::System.Array.Empty<byte>()",
        TypeKind.Object or TypeKind.Array or TypeKind.Map or TypeKind.Union => " ?? new()",
        _ => " ?? default",
    };

    private static void EmitReadJson(SourceWriter w, ObjectType type, string models)
    {
        var properties = type.AllProperties.ToList();
        w.Doc($"Reads a {type.Name} from the JSON object at the reader's position, without reflection{(type.Discriminator is { Cases.Count: > 0 } ? "; the discriminator picks the derived model to read" : string.Empty)}.");
        w.Line("/// <param name=\"reader\">A reader positioned on the object's start token.</param>");
        w.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON does not match the schema.</exception>");
        w.Open($"public static {(type.BaseName is null ? string.Empty : "new ")}{type.Name} ReadJson(ref global::System.Text.Json.Utf8JsonReader reader)");
        w.Line($"{Reading}.ExpectObject(ref reader, {SourceWriter.Literal(type.Name)});");
        if (type.Discriminator is { Cases.Count: > 0 } discriminator)
        {
            w.Open($"switch (global::{models}.{Parsing.TypeNames.HelperClass}.PeekString(reader, {SourceWriter.Utf8Literal(discriminator.PropertyWireName)}))");
            foreach (var @case in discriminator.Cases)
            {
                w.Line($"case {SourceWriter.Literal(@case.WireValue)}:");
                w.Line($"    return global::{models}.{@case.TypeName}.ReadJson(ref reader);");
            }

            w.Close();
        }

        w.Line($"var result = new {type.Name}();");
        var required = properties.Where(p => p.Required).ToList();
        foreach (var property in required)
        {
            w.Line($"var has{property.Name} = false;");
        }

        w.Open($"while ({Reading}.NextProperty(ref reader))");
        var first = true;
        foreach (var property in properties)
        {
            w.Open($"{(first ? "if" : "else if")} (reader.ValueTextEquals({SourceWriter.Utf8Literal(property.WireName)}))");
            first = false;
            w.Line("reader.Read();");
            var read = JsonCode.ReadNullable(property.Type, models, "reader");
            var target = property.Nullable
                ? read
                : $"{read} ?? throw {Reading}.NullProperty({SourceWriter.Literal(type.Name)}, {SourceWriter.Literal(property.WireName)})";
            w.Line($"result.{property.Name} = {target};");
            if (property.Required)
            {
                w.Line($"has{property.Name} = true;");
            }

            w.Close();
        }

        var fallbackStatement = type.AllowsAdditionalProperties || type.BaseAllowsAdditionalProperties
            ? $"{Reading}.ReadAdditionalProperty(ref reader, result.AdditionalData);"
            : $"{Reading}.SkipProperty(ref reader);";
        if (first)
        {
            w.Line(fallbackStatement);
        }
        else
        {
            w.Open("else");
            w.Line(fallbackStatement);
            w.Close();
        }

        w.Close();
        foreach (var property in required)
        {
            w.Open($"if (!has{property.Name})");
            w.Line($"throw {Reading}.MissingProperty({SourceWriter.Literal(type.Name)}, {SourceWriter.Literal(property.WireName)});");
            w.Close();
        }

        w.Line("return result;");
        w.Close();
        w.Line();
    }

    private static void EmitWriteJson(SourceWriter w, ObjectType type, string models, bool hasDerived)
    {
        w.Doc($"Writes this {type.Name} as a JSON object, without reflection.");
        w.Line("/// <param name=\"writer\">The writer to write to.</param>");
        var modifier = type.BaseName is not null ? "override " : hasDerived ? "virtual " : string.Empty;
        w.Open($"public {modifier}void WriteJson(global::System.Text.Json.Utf8JsonWriter writer)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        w.Line("writer.WriteStartObject();");
        var index = 0;
        foreach (var property in type.AllProperties)
        {
            var local = "value" + index.ToString(CultureInfo.InvariantCulture);
            index++;
            var name = SourceWriter.Utf8Literal(property.WireName);
            if (property.Nullable || !property.Type.IsValueType)
            {
                w.Open($"if ({property.Name} is {{ }} {local})");
                w.Line($"writer.WritePropertyName({name});");
                w.Line(JsonCode.WriteValue(property.Type, models, local, "writer"));
                w.Close();
            }
            else
            {
                w.Line($"writer.WritePropertyName({name});");
                w.Line(JsonCode.WriteValue(property.Type, models, property.Name, "writer"));
            }
        }

        if (type.AllowsAdditionalProperties || type.BaseAllowsAdditionalProperties)
        {
            // The field, its own or its base's, so writing a model never creates an empty dictionary.
            w.Line("global::OnePassword.Users.Runtime.JsonWriting.WriteAdditionalData(writer, _additionalData);");
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }
}
