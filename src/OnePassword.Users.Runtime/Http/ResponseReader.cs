using System.Text.Json;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Turns a response into the operation's model with the generated reader, or into a typed
/// <see cref="ApiErrorException"/>. One place decides what every success and error looks like,
/// whichever adapter sent the request.
/// </summary>
internal static class ResponseReader
{
    /// <summary>Reads the response and disposes it.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="message">The response.</param>
    /// <param name="read">The generated reader; null for operations without a response body.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The model, or default when <paramref name="read"/> is null.</returns>
    public static async ValueTask<T?> ReadAsync<T>(HttpResponseMessage message, JsonValueReader<T>? read, CancellationToken cancellationToken)
    {
        using (message)
        {
            if (!message.IsSuccessStatusCode)
            {
                throw await ApiErrorException.FromResponseAsync(message, cancellationToken).ConfigureAwait(false);
            }

            if (read is null)
            {
                return default;
            }

            // The pipeline's guard has read the body already; a response from any other HttpClient
            // is read here, under the default limits.
            if (message.Content is BufferedResponseContent buffered)
            {
                return Parse(message, buffered.Body.Span, read);
            }

            PooledBody owned = await TransportGuardHandler.ReadBodyAsync(message, message.RequestMessage, ApiClientOptions.DefaultMaxResponseBodySize, cancellationToken).ConfigureAwait(false);
            try
            {
                return Parse(message, owned.Span, read);
            }
            finally
            {
                owned.Dispose();
            }
        }
    }

    private static T Parse<T>(HttpResponseMessage message, ReadOnlySpan<byte> body, JsonValueReader<T> read)
    {
        if (body.IsEmpty)
        {
            throw ApiErrorException.CreateMalformed(message, string.Empty, "The response has no body, but the API documents one", null);
        }

        if (!DeclaresJson(message.Content.Headers) && message.Content.Headers.ContentType?.MediaType is { } mediaType && !IsJson(mediaType))
        {
            throw ApiErrorException.CreateMalformed(message, Text(body), $"The response is {mediaType}, not JSON", null);
        }

        try
        {
            var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
            reader.Read();
            var value = read(ref reader);
            if (reader.Read())
            {
                throw new JsonException("Unexpected content after the JSON value.");
            }

            return value;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            throw ApiErrorException.CreateMalformed(message, Text(body), "The response body is not valid JSON for the documented type: " + exception.Message, exception);
        }
    }

    private static string Text(ReadOnlySpan<byte> body) => System.Text.Encoding.UTF8.GetString(body);

    private static bool IsJson(ReadOnlySpan<char> mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the raw <c>Content-Type</c> names a JSON media type, read without parsing it: the
    /// parsed <see cref="System.Net.Http.Headers.HttpContentHeaders.ContentType"/> allocates a
    /// header value on every response only to be compared here. Anything else (no header, several,
    /// another type, a value that may not parse) is left to the parsed check, which decides as before.
    /// </summary>
    private static bool DeclaresJson(System.Net.Http.Headers.HttpContentHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues("Content-Type", out System.Net.Http.Headers.HeaderStringValues values) || values.Count != 1)
        {
            return false;
        }

        string text = values.ToString();
        int parameters = text.IndexOf(';', StringComparison.Ordinal);
        return IsJson((parameters < 0 ? text.AsSpan() : text.AsSpan(0, parameters)).Trim());
    }
}
