using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Plugs <see cref="ResponseReader"/> into any Kiota request adapter, for clients built on an
/// adapter other than <see cref="ApiRequestAdapter"/>.
/// </summary>
/// <typeparam name="T">The model type.</typeparam>
internal sealed class JsonResponseHandler<T> : IResponseHandler
{
    private readonly JsonValueReader<T>? _read;
    private readonly CancellationToken _cancellationToken;

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

        var value = await ResponseReader.ReadAsync(message, _read, _cancellationToken).ConfigureAwait(false);
        return (ModelType?)(object?)value;
    }
}
