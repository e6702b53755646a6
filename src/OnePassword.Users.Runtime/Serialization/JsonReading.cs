using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Value readers used by generated <c>ReadJson</c> methods. Each reads the token the reader is
/// on, returns null for a JSON null, and throws <see cref="JsonException"/> for a token of the
/// wrong kind, which the SDK reports as a <see cref="MalformedResponseException"/>.
/// </summary>
public static class JsonReading
{
    /// <summary>Moves to the object's start token and checks it is one.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeName">The model being read, for the error message.</param>
    public static void ExpectObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType == JsonTokenType.None && !reader.Read())
        {
            throw new JsonException($"Expected a JSON object for {typeName} but the input is empty.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeName} but found {reader.TokenType}.");
        }
    }

    /// <summary>Moves to the next property name; false at the end of the object.</summary>
    /// <param name="reader">The reader, inside an object.</param>
    /// <returns>True when the reader is on a property name.</returns>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ends inside an object.");
        }

        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw new JsonException($"Expected a property name but found {reader.TokenType}."),
        };
    }

    /// <summary>Skips the value of a property the model does not know (forward compatibility).</summary>
    /// <param name="reader">The reader, on the property name.</param>
    public static void SkipProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>Keeps the value of a property the schema does not name, for open objects.</summary>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="additionalData">Where to keep it, as a <see cref="JsonElement"/>.</param>
    public static void ReadAdditionalProperty(ref Utf8JsonReader reader, IDictionary<string, object> additionalData)
    {
        ArgumentNullException.ThrowIfNull(additionalData);
        var name = reader.GetString()!;
        reader.Read();
        additionalData[name] = JsonElement.ParseValue(ref reader);
    }

    /// <summary>Checks the reader is on a string (enum values).</summary>
    /// <param name="reader">The reader.</param>
    public static void ExpectString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string but found {reader.TokenType}.");
        }
    }

    /// <summary>Reads a string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The string, or null.</returns>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Unexpected("a string", reader.TokenType),
    };

    /// <summary>Reads a 32-bit integer, also from a string (protobuf JSON may quote numbers).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null.</returns>
    public static int? ReadInt32(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
        JsonTokenType.String when Utf8Parser.TryParse(reader.ValueSpan, out int value, out var consumed) && consumed == reader.ValueSpan.Length => value,
        JsonTokenType.Null => null,
        _ => throw Unexpected("a 32-bit integer", reader.TokenType),
    };

    /// <summary>Reads a 64-bit integer, also from a string (protobuf JSON quotes int64).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null.</returns>
    public static long? ReadInt64(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt64(out var value) => value,
        JsonTokenType.String when Utf8Parser.TryParse(reader.ValueSpan, out long value, out var consumed) && consumed == reader.ValueSpan.Length => value,
        JsonTokenType.Null => null,
        _ => throw Unexpected("a 64-bit integer", reader.TokenType),
    };

    /// <summary>Reads a single-precision number.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null.</returns>
    public static float? ReadSingle(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetSingle(out var value) => value,
        JsonTokenType.String when float.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        JsonTokenType.Null => null,
        _ => throw Unexpected("a number", reader.TokenType),
    };

    /// <summary>Reads a double-precision number.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null.</returns>
    public static double? ReadDouble(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDouble(out var value) => value,
        JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        JsonTokenType.Null => null,
        _ => throw Unexpected("a number", reader.TokenType),
    };

    /// <summary>Reads a decimal number.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null.</returns>
    public static decimal? ReadDecimal(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetDecimal(out var value) => value,
        JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        JsonTokenType.Null => null,
        _ => throw Unexpected("a number", reader.TokenType),
    };

    /// <summary>Reads a boolean.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null.</returns>
    public static bool? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw Unexpected("true or false", reader.TokenType),
    };

    /// <summary>Reads an RFC 3339 date-time.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null.</returns>
    public static DateTimeOffset? ReadDateTimeOffset(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when reader.TryGetDateTimeOffset(out var value):
                return value;
            case JsonTokenType.String when DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var lenient):
                return lenient; // RFC 3339 also allows a space separator and lower-case 't'/'z'
            default:
                throw Unexpected("an RFC 3339 date-time", reader.TokenType);
        }
    }

    /// <summary>Reads a full-date (yyyy-MM-dd).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null.</returns>
    public static DateOnly? ReadDate(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String when DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) => value,
        JsonTokenType.Null => null,
        _ => throw Unexpected("a date (yyyy-MM-dd)", reader.TokenType),
    };

    /// <summary>Reads a UUID.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null.</returns>
    public static Guid? ReadGuid(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String when reader.TryGetGuid(out var value) => value,
        JsonTokenType.Null => null,
        _ => throw Unexpected("a UUID", reader.TokenType),
    };

    /// <summary>Reads base64 bytes.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The bytes, or null.</returns>
    public static byte[]? ReadBytes(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String when reader.TryGetBytesFromBase64(out var value) => value,
        JsonTokenType.Null => null,
        _ => throw Unexpected("base64 bytes", reader.TokenType),
    };

    /// <summary>Reads any JSON value as an element that outlives the reader's buffer.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The element, or null for a JSON null.</returns>
    public static JsonElement? ReadJsonElement(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);

    /// <summary>Reads an array with an item reader.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="readItem">Reads one item.</param>
    /// <returns>The items, or null.</returns>
    public static List<T>? ReadList<T>(ref Utf8JsonReader reader, JsonValueReader<T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected("an array", reader.TokenType);
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(readItem(ref reader));
        }

        return items;
    }

    /// <summary>The error for a null array item.</summary>
    /// <returns>The exception to throw.</returns>
    public static JsonException NullItem() => new("A null value appeared where the schema does not allow one.");

    /// <summary>The error for a null value of a property the schema requires.</summary>
    /// <param name="typeName">The model.</param>
    /// <param name="propertyName">The property's wire name.</param>
    /// <returns>The exception to throw.</returns>
    public static JsonException NullProperty(string typeName, string propertyName) =>
        new($"The required property '{propertyName}' of {typeName} is null.");

    /// <summary>The error for a missing property the schema requires.</summary>
    /// <param name="typeName">The model.</param>
    /// <param name="propertyName">The property's wire name.</param>
    /// <returns>The exception to throw.</returns>
    public static JsonException MissingProperty(string typeName, string propertyName) =>
        new($"The required property '{propertyName}' of {typeName} is missing.");

    private static JsonException Unexpected(string expected, JsonTokenType found) =>
        new($"Expected {expected} but found {found}.");
}
