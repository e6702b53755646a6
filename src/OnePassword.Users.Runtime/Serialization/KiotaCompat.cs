using System.Buffers;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Helpers for the Kiota <c>IParsable</c> members of generated models: conversions Kiota lacks,
/// and a bridge through JSON for shapes its parse nodes cannot express (nested arrays, any-JSON).
/// The SDK's own calls use the faster generated ReadJson/WriteJson instead.
/// </summary>
public static class KiotaCompat
{
    /// <summary>Kiota's <see cref="Date"/> as a <see cref="DateOnly"/>.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The same date, or null.</returns>
    public static DateOnly? ToDateOnly(Date? value) => value is { } date ? new DateOnly(date.Year, date.Month, date.Day) : null;

    /// <summary>A <see cref="DateOnly"/> as Kiota's <see cref="Date"/>.</summary>
    /// <param name="value">The date.</param>
    /// <returns>The same date, or null.</returns>
    public static Date? ToDate(DateOnly? value) => value is { } date ? new Date(date.Year, date.Month, date.Day) : null;

    /// <summary>A Kiota collection as a list.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The list, or null.</returns>
    public static List<T>? ToList<T>(IEnumerable<T>? items) => items?.ToList();

    /// <summary>Reads a value the parse node holds by re-reading it as JSON with a generated reader.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="node">The parse node.</param>
    /// <param name="read">The generated reader.</param>
    /// <returns>The value, or default when the node holds nothing.</returns>
    public static T? ReadThroughJson<T>(IParseNode node, JsonValueReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(read);
        if (node.GetObjectValue(UntypedNode.CreateFromDiscriminatorValue) is not { } untyped)
        {
            return default;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteUntyped(writer, untyped);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        return read(ref reader);
    }

    /// <summary>Writes a value with a generated writer and hands it to Kiota as an untyped node.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="writer">The Kiota serialization writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    /// <param name="write">The generated writer.</param>
    public static void WriteThroughJson<T>(ISerializationWriter writer, string name, T value, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json, value);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        writer.WriteObjectValue(name, ToUntyped(document.RootElement));
    }

    private static void WriteUntyped(Utf8JsonWriter writer, UntypedNode node)
    {
        switch (node)
        {
            case UntypedObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.GetValue())
                {
                    writer.WritePropertyName(key);
                    WriteUntyped(writer, value);
                }

                writer.WriteEndObject();
                break;
            case UntypedArray array:
                writer.WriteStartArray();
                foreach (var item in array.GetValue())
                {
                    WriteUntyped(writer, item);
                }

                writer.WriteEndArray();
                break;
            case UntypedString text when text.GetValue() is { } value: writer.WriteStringValue(value); break;
            case UntypedBoolean flag: writer.WriteBooleanValue(flag.GetValue()); break;
            case UntypedInteger number: writer.WriteNumberValue(number.GetValue()); break;
            case UntypedLong number: writer.WriteNumberValue(number.GetValue()); break;
            case UntypedDouble number: writer.WriteNumberValue(number.GetValue()); break;
            case UntypedFloat number: writer.WriteNumberValue(number.GetValue()); break;
            case UntypedDecimal number: writer.WriteNumberValue(number.GetValue()); break;
            default: writer.WriteNullValue(); break;
        }
    }

    private static UntypedNode ToUntyped(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new UntypedObject(element.EnumerateObject().ToDictionary(p => p.Name, p => ToUntyped(p.Value))),
        JsonValueKind.Array => new UntypedArray(element.EnumerateArray().Select(ToUntyped).ToList()),
        JsonValueKind.String => new UntypedString(element.GetString()),
        JsonValueKind.True => new UntypedBoolean(true),
        JsonValueKind.False => new UntypedBoolean(false),
        JsonValueKind.Number when element.TryGetInt64(out var integer) => new UntypedLong(integer),
        JsonValueKind.Number => new UntypedDouble(element.GetDouble()),
        _ => new UntypedNull(),
    };
}
