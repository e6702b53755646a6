using System.Text.Json.Serialization;

namespace SecurityResponder;

/// <summary>What a SIEM posts: the user to act on (an id or an email), why, and its own alert id.</summary>
public sealed record Alert(
    [property: JsonPropertyName("user")] string? User,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("alert_id")] string? AlertId);

/// <summary>What the responder answers.</summary>
public sealed record AlertResult(
    [property: JsonPropertyName("alert_id")] string? AlertId,
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("detail")] string? Detail = null);

[JsonSerializable(typeof(Alert))]
[JsonSerializable(typeof(AlertResult))]
internal sealed partial class ResponderJson : JsonSerializerContext;
