using System.Diagnostics.CodeAnalysis;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace OnePassword.Users.Runtime;

/// <summary>
/// A Kiota request adapter with a short path for generated operations: it turns the request
/// information straight into an <see cref="HttpRequestMessage"/> (cached URI templates, no
/// response buffering) and reads the body with the generated reader. Every other Kiota call
/// goes to a standard <see cref="HttpClientRequestAdapter"/> on the same <see cref="HttpClient"/>.
/// </summary>
public sealed class ApiRequestAdapter : IRequestAdapter
{
    private readonly HttpClient _httpClient;
    private readonly HttpMessageInvoker? _sender;
    private readonly HttpClientRequestAdapter _kiota;
    private string? _baseUrl;

    /// <summary>Creates the adapter.</summary>
    /// <param name="httpClient">The client whose handlers (auth, rate limit, retry) every request goes through. Not disposed here.</param>
    /// <param name="baseUrl">The base URL, for example <c>https://api.1password.com</c>.</param>
    public ApiRequestAdapter(HttpClient httpClient, string? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        _kiota = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: httpClient);
        BaseUrl = baseUrl;
    }

    /// <summary>Creates the adapter of a <c>Create()</c> client, whose generated requests skip <paramref name="httpClient"/> for <paramref name="sender"/>.</summary>
    /// <param name="httpClient">The client over the pipeline, for the requests handed to Kiota. Not disposed here.</param>
    /// <param name="baseUrl">The base URL.</param>
    /// <param name="sender">The same pipeline's <see cref="PipelineSender"/>. Not disposed here.</param>
    internal ApiRequestAdapter(HttpClient httpClient, string baseUrl, PipelineSender sender)
        : this(httpClient, baseUrl)
    {
        _sender = sender;
    }

    /// <inheritdoc />
    public string? BaseUrl
    {
        get => _baseUrl;
        set
        {
            _baseUrl = value?.TrimEnd('/');
            _kiota.BaseUrl = _baseUrl;
        }
    }

    /// <inheritdoc />
    public ISerializationWriterFactory SerializationWriterFactory => _kiota.SerializationWriterFactory;

    /// <summary>Sends a generated operation's request and reads its response with the generated reader.</summary>
    /// <typeparam name="T">The response model.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="read">The generated reader; null when the response has no body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The model.</returns>
    internal ValueTask<T?> SendAsync<T>(RequestInformation request, JsonValueReader<T>? read, CancellationToken cancellationToken) =>
        ExchangeAsync(ToMessage(request), read, cancellationToken);

    /// <summary>
    /// Sends a request that has no query, headers, options or body of its own straight from the
    /// builder's template and path, without a RequestInformation: the common case of a generated
    /// call with no configuration.
    /// </summary>
    /// <typeparam name="T">The response model.</typeparam>
    /// <param name="operation">The generated descriptor of the operation.</param>
    /// <param name="urlTemplate">The builder's URL template.</param>
    /// <param name="path">The builder's encoded path parameters.</param>
    /// <param name="accept">The Accept header, or null.</param>
    /// <param name="read">The generated reader; null when the response has no body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The model.</returns>
    public ValueTask<T?> SendAsync<T>(ApiOperation operation, string urlTemplate, ApiPath path, string? accept, JsonValueReader<T>? read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(urlTemplate);
        ArgumentNullException.ThrowIfNull(path);
        string url = path.RawUrl ?? UriTemplateExpander.ExpandPath(operation, urlTemplate, path, _baseUrl ?? string.Empty);
        var message = new ApiRequestMessage(operation, new Uri(url, UriKind.Absolute));
        if (accept is not null)
        {
            message.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return ExchangeAsync(message, read, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="message"/> (and disposes it) and reads the answer. The SDK's own
    /// pipeline bounds every exchange itself, and its <see cref="HttpClient"/> has no timeout (a
    /// <c>Create()</c> client sends through its <see cref="PipelineSender"/> instead); on
    /// any other client, that client's <see cref="HttpClient.Timeout"/> bounds the whole exchange,
    /// body included (the client's own timeout stops at the headers), and a transport failure is
    /// an <see cref="ApiTransportException"/> that names the request, as it is in the pipeline.
    /// </summary>
    private async ValueTask<T?> ExchangeAsync<T>(HttpRequestMessage message, JsonValueReader<T>? read, CancellationToken cancellationToken)
    {
        using (message)
        {
            TimeSpan timeout = _httpClient.Timeout;
            using TimeLimit limit = TimeLimit.Start(timeout, TimeProvider.System, cancellationToken);
            try
            {
                var response = await (_sender is not null
                    ? _sender.SendAsync(message, limit.Token)
                    : _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, limit.Token)).ConfigureAwait(false);
                return await ResponseReader.ReadAsync(response, read, limit.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not ApiException && TransportFailures.From(exception, message, cancellationToken) is { } transport)
            {
                throw limit.Expired ? TransportFailures.AttemptTimedOut(message, timeout, "the HttpClient's Timeout, body included", exception) : transport;
            }
        }
    }

    private string Url(string urlTemplate, IDictionary<string, object> pathParameters, IDictionary<string, object> queryParameters) =>
        pathParameters.TryGetValue(ApiPath.RawUrlKey, out var raw) && raw is string rawUrl
            ? rawUrl
            : UriTemplateExpander.Expand(urlTemplate, WithBaseUrl(pathParameters), queryParameters);

    private HttpRequestMessage ToMessage(RequestInformation request)
    {
        var uri = new Uri(Url(request.UrlTemplate ?? string.Empty, request.PathParameters, request.QueryParameters), UriKind.Absolute);
        var operation = request.RequestOptions.OfType<ApiOperation>().FirstOrDefault();
        HttpRequestMessage message = operation is not null && operation.HttpMethod == HttpMethods.Of(request.HttpMethod)
            ? new ApiRequestMessage(operation, uri)
            : new HttpRequestMessage(HttpMethods.Of(request.HttpMethod), uri);
        if (request.Content is { } content)
        {
            message.Content = new StreamContent(content);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, values);
            }
        }

        foreach (var option in request.RequestOptions)
        {
            if (!ReferenceEquals(option, operation))
            {
                message.Options.Set(new HttpRequestOptionsKey<IRequestOption>(option.GetType().FullName!), option);
                if (message is ApiRequestMessage api)
                {
                    api.HasRequestOptions = true;
                }
            }
        }

        return message;
    }

    private IDictionary<string, object> WithBaseUrl(IDictionary<string, object> pathParameters)
    {
        if (_baseUrl is null || (pathParameters.TryGetValue("baseurl", out var current) && Equals(current, _baseUrl)))
        {
            return pathParameters;
        }

        return new Dictionary<string, object>(pathParameters) { ["baseurl"] = _baseUrl };
    }

    /// <inheritdoc />
    public void EnableBackingStore(IBackingStoreFactory backingStoreFactory) => _kiota.EnableBackingStore(backingStoreFactory);

    /// <inheritdoc />
    public Task<ModelType?> SendAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable => _kiota.SendAsync(requestInfo, factory, errorMapping, cancellationToken);

    /// <inheritdoc />
    public Task<IEnumerable<ModelType>?> SendCollectionAsync<ModelType>(RequestInformation requestInfo, ParsableFactory<ModelType> factory, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default)
        where ModelType : IParsable => _kiota.SendCollectionAsync(requestInfo, factory, errorMapping, cancellationToken);

    /// <inheritdoc />
    public Task<ModelType?> SendPrimitiveAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        _kiota.SendPrimitiveAsync<ModelType>(requestInfo, errorMapping, cancellationToken);

    /// <inheritdoc />
    public Task<IEnumerable<ModelType>?> SendPrimitiveCollectionAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        _kiota.SendPrimitiveCollectionAsync<ModelType>(requestInfo, errorMapping, cancellationToken);

    /// <inheritdoc />
    public Task SendNoContentAsync(RequestInformation requestInfo, Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null, CancellationToken cancellationToken = default) =>
        _kiota.SendNoContentAsync(requestInfo, errorMapping, cancellationToken);

    /// <inheritdoc />
    public Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default) =>
        _kiota.ConvertToNativeRequestAsync<T>(requestInfo, cancellationToken);
}
