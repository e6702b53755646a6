using System;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>
/// Expressions that read and write one value with Utf8JsonReader/Utf8JsonWriter: the
/// reflection-free hot path that keeps the client close to hand-written System.Text.Json code.
/// </summary>
internal static class JsonCode
{
    private const string Reading = "global::OnePassword.Users.Runtime.JsonReading";
    private const string Writing = "global::OnePassword.Users.Runtime.JsonWriting";
    private const string ReaderType = "global::System.Text.Json.Utf8JsonReader";
    private const string Helper = Parsing.TypeNames.HelperClass;

    /// <summary>An expression reading the current value of <paramref name="reader"/>; null for a JSON null.</summary>
    public static string ReadNullable(TypeRef type, string models, string reader, int depth = 0) => type.Kind switch
    {
        TypeKind.String => $"{Reading}.ReadString(ref {reader})",
        TypeKind.Int32 => $"{Reading}.ReadInt32(ref {reader})",
        TypeKind.Int64 => $"{Reading}.ReadInt64(ref {reader})",
        TypeKind.Float => $"{Reading}.ReadSingle(ref {reader})",
        TypeKind.Double => $"{Reading}.ReadDouble(ref {reader})",
        TypeKind.Decimal => $"{Reading}.ReadDecimal(ref {reader})",
        TypeKind.Boolean => $"{Reading}.ReadBoolean(ref {reader})",
        TypeKind.DateTimeOffset => $"{Reading}.ReadDateTimeOffset(ref {reader})",
        TypeKind.Date => $"{Reading}.ReadDate(ref {reader})",
        TypeKind.Guid => $"{Reading}.ReadGuid(ref {reader})",
        TypeKind.Bytes => $"{Reading}.ReadBytes(ref {reader})",
        TypeKind.Json => $"{Reading}.ReadJsonElement(ref {reader})",
        TypeKind.Enum => $"global::{models}.{type.Name}Json.Read(ref {reader})",
        TypeKind.Object or TypeKind.Union => $"({reader}.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : global::{models}.{type.Name}.ReadJson(ref {reader}))",
        TypeKind.Map => $"global::{models}.{Helper}.ReadMap(ref {reader}, {ItemReader(type.Item!, models, depth + 1)})",
        TypeKind.Array => $"{Reading}.ReadList(ref {reader}, {ItemReader(type.Item!, models, depth + 1)})",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>A reader delegate for array items; items may not be null.</summary>
    private static string ItemReader(TypeRef item, string models, int depth)
    {
        if (item.IsGeneratedClass)
        {
            return $"global::{models}.{item.Name}.ReadJson";
        }

        var r = "r" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"static (ref {ReaderType} {r}) => {ReadNullable(item, models, r, depth)} ?? throw {Reading}.NullItem()";
    }

    /// <summary>A statement writing <paramref name="value"/> (not null) with <paramref name="writer"/>.</summary>
    public static string WriteValue(TypeRef type, string models, string value, string writer, int depth = 0) => type.Kind switch
    {
        TypeKind.String or TypeKind.Guid => $"{writer}.WriteStringValue({value});",
        TypeKind.DateTimeOffset => $"{Writing}.WriteTimestamp({writer}, {value});",
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal => $"{writer}.WriteNumberValue({value});",
        TypeKind.Boolean => $"{writer}.WriteBooleanValue({value});",
        TypeKind.Date => $"{writer}.WriteStringValue({value}.ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture));",
        TypeKind.Bytes => $"{writer}.WriteBase64StringValue({value});",
        TypeKind.Json => $"{value}.WriteTo({writer});",
        TypeKind.Enum => $"{writer}.WriteStringValue(global::{models}.{type.Name}Json.ToWireName({value}));",
        TypeKind.Object or TypeKind.Union => $"{value}.WriteJson({writer});",
        TypeKind.Map => $"global::{models}.{Helper}.WriteMap({writer}, {value}, static (w{depth + 1}, item{depth + 1}) => {{ {WriteValue(type.Item!, models, "item" + (depth + 1), "w" + (depth + 1), depth + 1)} }});",
        TypeKind.Array => $"{Writing}.WriteList({writer}, {value}, static (w{depth + 1}, item{depth + 1}) => {{ {WriteValue(type.Item!, models, "item" + (depth + 1), "w" + (depth + 1), depth + 1)} }});",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
