namespace OnePassword.Users.Runtime;

/// <summary>
/// The innermost handler, right above the transport: what comes back from the network is
/// checked here before any other handler or reader sees it.
/// <list type="bullet">
/// <item>A response that the transport fetched from another address (it followed a redirect) is refused.</item>
/// <item>A declared <c>Content-Length</c> above the limit is refused before a byte is read.</item>
/// <item>The body is read whole into a pooled buffer, counting decompressed bytes against the
/// limit, so the per-attempt timeout above covers it and a retry above can repeat an attempt
/// whose body was cut off.</item>
/// <item>Every transport failure becomes an <see cref="ApiTransportException"/> that names the request.</item>
/// </list>
/// </summary>
internal sealed class TransportGuardHandler : DelegatingHandler
{
    private readonly int _maxResponseBodySize;

    public TransportGuardHandler(int maxResponseBodySize) => _maxResponseBodySize = maxResponseBodySize;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Uri? sentTo = request.RequestUri;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (TransportFailures.From(exception, request, cancellationToken) is { } transport)
        {
            throw transport;
        }

        if (sentTo is not null && request.RequestUri is { } finalUri && finalUri != sentTo)
        {
            using (response)
            {
                throw RedirectRefusedException.Followed(response, sentTo, finalUri);
            }
        }

        BufferedResponseContent buffered = await ReadBodyAsync(response, request, _maxResponseBodySize, cancellationToken).ConfigureAwait(false);
        HttpContent original = response.Content;
        response.Content = buffered;
        original.Dispose();
        return response;
    }

    /// <summary>
    /// Reads a response's body against <paramref name="limit"/>; on any failure the response is
    /// disposed and the failure is an SDK exception (too large, or a transport failure).
    /// </summary>
    internal static async Task<BufferedResponseContent> ReadBodyAsync(HttpResponseMessage response, HttpRequestMessage? request, int limit, CancellationToken cancellationToken)
    {
        try
        {
            if (response.Content.Headers.ContentLength is { } declared && declared > limit)
            {
                throw ResponseTooLargeException.Create(response, limit, declared);
            }

            return await BufferedResponseContent.ReadAsync(response.Content, limit, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseLimitExceededException)
        {
            ResponseTooLargeException tooLarge = ResponseTooLargeException.Create(response, limit, declaredLength: null);
            response.Dispose();
            throw tooLarge;
        }
        catch (Exception exception) when (TransportFailures.From(exception, request, cancellationToken) is { } transport)
        {
            response.Dispose();
            throw transport;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
