using System.Text.Json;

namespace OnePassword.Users.Runtime;

/// <summary>
/// What an error response body says, read without ever throwing: a <c>google.rpc.Status</c>
/// (<c>code</c>, <c>message</c>, <c>details</c>), the same wrapped in <c>{"error": {...}}</c>, or
/// an OAuth 2.0 error (<c>error</c>, <c>error_description</c>). Anything else yields no fields,
/// and a body that looked like JSON but did not parse keeps the <see cref="JsonException"/>.
/// </summary>
internal sealed class ErrorBody
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 64 };

    public int? Code { get; private init; }

    public string? Message { get; private init; }

    public string? OAuthError { get; private init; }

    public IReadOnlyList<JsonElement> Details { get; private init; } = [];

    public JsonException? ParseError { get; private init; }

    public static ErrorBody Read(string? body)
    {
        // Only something that starts like a JSON object is worth parsing; an HTML or plain-text
        // page is not a JSON error, just a body to keep.
        if (string.IsNullOrWhiteSpace(body) || !body.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal))
        {
            return new ErrorBody();
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body, s_options);
            return FromObject(document.RootElement);
        }
        catch (JsonException exception)
        {
            return new ErrorBody { ParseError = exception };
        }
    }

    private static ErrorBody FromObject(JsonElement root)
    {
        if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
        {
            root = error;
        }

        int? code = root.TryGetProperty("code", out JsonElement codeElement)
            && codeElement.ValueKind == JsonValueKind.Number
            && codeElement.TryGetInt32(out int number) ? number : null;

        string? message = StringProperty(root, "message");
        string? oauthError = StringProperty(root, "error");
        if (message is null && oauthError is not null)
        {
            message = StringProperty(root, "error_description");
        }

        IReadOnlyList<JsonElement> details = [];
        if (root.TryGetProperty("details", out JsonElement detailsElement) && detailsElement.ValueKind == JsonValueKind.Array)
        {
            // Cloned, because the document is disposed once the body is read.
            details = [.. detailsElement.EnumerateArray().Select(detail => detail.Clone())];
        }

        return new ErrorBody { Code = code, Message = message, OAuthError = oauthError, Details = details };
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
