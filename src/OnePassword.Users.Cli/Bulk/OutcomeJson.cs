using System.Globalization;
using System.Text.Json;
using OnePassword.Users.Cli.Output;

namespace OnePassword.Users.Cli.Bulk;

/// <summary>
/// One outcome as one line of JSON, the same on stdout (<c>--output json</c>) and in the journal:
/// <c>{"type":"outcome","index":3,"source":"users.csv line 4","target":"alice@example.com",
/// "action":"suspend","outcome":"changed","user_id":"...","email":"...","detail":"","failure":null,"time":"...Z"}</c>.
/// </summary>
internal static class OutcomeJson
{
    public static string Serialize(BulkOutcome outcome, StateChange change, DateTimeOffset time) => Line(writer =>
    {
        writer.WriteString("type", "outcome");
        writer.WriteNumber("index", outcome.Index);
        writer.WriteString("source", outcome.Target.Source);
        writer.WriteString("target", outcome.Target.Value);
        writer.WriteString("action", change.Verb);
        writer.WriteString("outcome", OutcomeNames.Of(outcome.Kind));
        WriteOptional(writer, "user_id", outcome.UserId);
        WriteOptional(writer, "email", outcome.Email);
        writer.WriteString("detail", outcome.Detail);
        WriteOptional(writer, "failure", OutcomeNames.Of(outcome.Failure));
        writer.WriteString("time", Time(time));
    });

    /// <summary>Writes one JSON object with the members <paramref name="members"/> writes, compact, as a string without a line end.</summary>
    public static string Line(Action<Utf8JsonWriter> members) => JsonText.Of(writer =>
    {
        writer.WriteStartObject();
        members(writer);
        writer.WriteEndObject();
    });

    /// <summary>UTC with milliseconds and a <c>Z</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
