using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Turns a response into the operation's model with the generated reader, or into a typed
/// <see cref="ApiErrorException"/>. One place decides what every error looks like.
/// </summary>
/// <typeparam name="T">The model type.</typeparam>
internal sealed class JsonResponseHandler<T> : IResponseHandler
{
    private readonly JsonValueReader<T>? _read;
    private readonly CancellationToken _cancellationToken;

    /// <param name="read">The generated reader; null for operations without a response body.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    public JsonResponseHandler(JsonValueReader<T>? read, CancellationToken cancellationToken)
    {
        _read = read;
        _cancellationToken = cancellationToken;
    }

    public async Task<ModelType?> HandleResponseAsync<NativeResponseType, ModelType>(
        NativeResponseType response,
        Dictionary<string, ParsableFactory<IParsable>>? errorMappings)
    {
        if (response is not HttpResponseMessage message)
        {
            throw new InvalidOperationException($"The request adapter returned a {typeof(NativeResponseType).Name}, not an HttpResponseMessage.");
        }

        using (message)
        {
            if (!message.IsSuccessStatusCode)
            {
                throw await ApiErrorException.FromResponseAsync(message, _cancellationToken).ConfigureAwait(false);
            }

            if (_read is null)
            {
                return default;
            }

            using var body = await ResponseBody.ReadAsync(message.Content, _cancellationToken).ConfigureAwait(false);
            if (body.Length == 0)
            {
                throw ApiErrorException.CreateMalformed(message, string.Empty, "The response has no body, but the API documents one", null);
            }

            if (message.Content.Headers.ContentType?.MediaType is { } mediaType && !IsJson(mediaType))
            {
                throw ApiErrorException.CreateMalformed(message, body.Text(), $"The response is {mediaType}, not JSON", null);
            }

            try
            {
                var reader = new Utf8JsonReader(body.Span, isFinalBlock: true, state: default);
                reader.Read();
                var value = _read(ref reader);
                if (reader.Read())
                {
                    throw new JsonException("Unexpected content after the JSON value.");
                }

                return (ModelType?)(object?)value;
            }
            catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
            {
                throw ApiErrorException.CreateMalformed(message, body.Text(), "The response body is not valid JSON for the documented type: " + exception.Message, exception);
            }
        }
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
}
