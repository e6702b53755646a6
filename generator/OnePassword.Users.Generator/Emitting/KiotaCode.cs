using System;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>
/// Expressions for the Kiota <c>IParsable</c> path (GetFieldDeserializers / Serialize), kept so
/// the models work with any Kiota serializer; shapes Kiota cannot express go through JSON.
/// </summary>
internal static class KiotaCode
{
    private const string Compat = "global::OnePassword.Users.Runtime.KiotaCompat";

    /// <summary>An expression reading the value from parse node <c>n</c>; null when absent.</summary>
    public static string Read(TypeRef type, string models) => type.Kind switch
    {
        TypeKind.String => "n.GetStringValue()",
        TypeKind.Int32 => "n.GetIntValue()",
        TypeKind.Int64 => "n.GetLongValue()",
        TypeKind.Float => "n.GetFloatValue()",
        TypeKind.Double => "n.GetDoubleValue()",
        TypeKind.Decimal => "n.GetDecimalValue()",
        TypeKind.Boolean => "n.GetBoolValue()",
        TypeKind.DateTimeOffset => "n.GetDateTimeOffsetValue()",
        TypeKind.Guid => "n.GetGuidValue()",
        TypeKind.Bytes => "n.GetByteArrayValue()",
        TypeKind.Date => $"{Compat}.ToDateOnly(n.GetDateValue())",
        TypeKind.Enum => $"global::{models}.{type.Name}Json.Parse(n.GetStringValue())",
        TypeKind.Object => $"n.GetObjectValue<global::{models}.{type.Name}>(global::{models}.{type.Name}.CreateFromDiscriminatorValue)",
        TypeKind.Array when type.Item!.Kind == TypeKind.Object =>
            $"{Compat}.ToList(n.GetCollectionOfObjectValues<global::{models}.{type.Item.Name}>(global::{models}.{type.Item.Name}.CreateFromDiscriminatorValue))",
        TypeKind.Array when type.Item!.Kind == TypeKind.String => $"{Compat}.ToList(n.GetCollectionOfPrimitiveValues<string>())",
        _ => $"{Compat}.ReadThroughJson(n, static (ref global::System.Text.Json.Utf8JsonReader r) => {JsonCode.ReadNullable(type, models, "r")})",
    };

    /// <summary>A statement writing property <paramref name="wireName"/> with serialization writer <c>writer</c>.</summary>
    /// <param name="local">A pattern variable name unique in the method: pattern variables of expression statements and
    /// if conditions live in the enclosing block, so two properties must not share one.</param>
    public static string Write(TypeRef type, string models, string wireName, string value, bool nullable, string local)
    {
        var name = SourceWriter.Literal(wireName);
        return type.Kind switch
        {
            TypeKind.String => $"writer.WriteStringValue({name}, {value});",
            TypeKind.Int32 => $"writer.WriteIntValue({name}, {value});",
            TypeKind.Int64 => $"writer.WriteLongValue({name}, {value});",
            TypeKind.Float => $"writer.WriteFloatValue({name}, {value});",
            TypeKind.Double => $"writer.WriteDoubleValue({name}, {value});",
            TypeKind.Decimal => $"writer.WriteDecimalValue({name}, {value});",
            TypeKind.Boolean => $"writer.WriteBoolValue({name}, {value});",
            TypeKind.DateTimeOffset => $"writer.WriteDateTimeOffsetValue({name}, {value});",
            TypeKind.Guid => $"writer.WriteGuidValue({name}, {value});",
            TypeKind.Bytes => $"writer.WriteByteArrayValue({name}, {value});",
            TypeKind.Date => $"writer.WriteDateValue({name}, {Compat}.ToDate({value}));",
            TypeKind.Enum => nullable
                ? $"writer.WriteStringValue({name}, {value} is {{ }} {local} ? global::{models}.{type.Name}Json.ToWireNameOrNull({local}) : null);"
                : $"writer.WriteStringValue({name}, global::{models}.{type.Name}Json.ToWireNameOrNull({value}));",
            TypeKind.Object => $"writer.WriteObjectValue({name}, {value});",
            TypeKind.Array when type.Item!.Kind == TypeKind.Object => $"writer.WriteCollectionOfObjectValues({name}, {value});",
            TypeKind.Array when type.Item!.Kind == TypeKind.String => $"writer.WriteCollectionOfPrimitiveValues({name}, {value});",
            _ => $"if ({value} is {{ }} {local}) {Compat}.WriteThroughJson(writer, {name}, {local}, static (w, v) => {{ {JsonCode.WriteValue(type, models, "v", "w")} }});",
        };
    }
}
