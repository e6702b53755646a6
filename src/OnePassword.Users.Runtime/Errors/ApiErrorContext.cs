using System.Text.Json;

namespace OnePassword.Users.Runtime;

/// <summary>Everything an <see cref="ApiErrorException"/> reports about a failed response, gathered once by its factories.</summary>
internal sealed record ApiErrorContext(
    int StatusCode,
    IDictionary<string, IEnumerable<string>> Headers,
    int? RpcCode,
    string? RpcMessage,
    string? OAuthError,
    IReadOnlyList<JsonElement> Details,
    string? RawBody,
    string? RequestMethod,
    Uri? RequestUri,
    TimeSpan? RetryAfter);
