using System.Globalization;
using System.Text.Json;

namespace OnePassword.Users.Runtime;

/// <summary>Writers used by generated <c>WriteJson</c> methods.</summary>
public static class JsonWriting
{
    /// <summary>
    /// Writes an RFC 3339 timestamp as the API writes one: <c>Z</c> for UTC
    /// (<c>2024-01-01T00:00:00Z</c>), the offset otherwise.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instant.</param>
    public static void WriteTimestamp(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Offset == TimeSpan.Zero)
        {
            writer.WriteStringValue(value.UtcDateTime);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Writes a JSON array.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="items">The items.</param>
    /// <param name="writeItem">Writes one item.</param>
    public static void WriteList<T>(Utf8JsonWriter writer, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(writeItem);
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the properties an open object holds beyond its schema.</summary>
    /// <param name="writer">The writer, inside the object.</param>
    /// <param name="additionalData">Values read as <see cref="JsonElement"/>, or set as primitives; null when the model never made its dictionary.</param>
    public static void WriteAdditionalData(Utf8JsonWriter writer, IDictionary<string, object>? additionalData)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (additionalData is null)
        {
            return;
        }

        foreach (var (name, value) in additionalData)
        {
            writer.WritePropertyName(name);
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case JsonElement element: element.WriteTo(writer); break;
                case string text: writer.WriteStringValue(text); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case int number: writer.WriteNumberValue(number); break;
                case long number: writer.WriteNumberValue(number); break;
                case double number: writer.WriteNumberValue(number); break;
                case decimal number: writer.WriteNumberValue(number); break;
                case DateTimeOffset time: WriteTimestamp(writer, time); break;
                case IFormattable formattable: writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture)); break;
                default: writer.WriteStringValue(value.ToString()); break;
            }
        }
    }
}
