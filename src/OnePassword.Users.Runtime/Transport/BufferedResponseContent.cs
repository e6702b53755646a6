using System.Net;
using System.Net.Http.Headers;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The content of every response the pipeline returns once <see cref="TransportGuardHandler"/>
/// has read it: the whole body in a pooled buffer, with the original content's headers, so a
/// retry above can drop a response and the readers above parse the body in place.
/// </summary>
internal sealed class BufferedResponseContent : HttpContent
{
    public BufferedResponseContent(PooledBody body, HttpContentHeaders headers)
    {
        _body = body;
        foreach (KeyValuePair<string, HeaderStringValues> header in headers.NonValidated)
        {
            // The length is this content's own (TryComputeLength); copying it would only cost a string.
            if (header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // One value (the usual case) is added as a string: no boxed enumerator.
            _ = header.Value.Count == 1
                ? Headers.TryAddWithoutValidation(header.Key, header.Value.ToString())
                : Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
        }
    }

    // Not readonly: disposing mutates the struct in place, so the buffer goes back to the pool once.
    private PooledBody _body;

    /// <summary>The body, to read; only this content disposes it.</summary>
    public PooledBody Body => _body;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_body.Buffer, 0, _body.Length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_body.Buffer.AsMemory(0, _body.Length), cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(CreateContentReadStream(default));

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        new MemoryStream(_body.Buffer, 0, _body.Length, writable: false);

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
        }

        base.Dispose(disposing);
    }
}
