using System.Net;
using System.Text;

namespace OnePassword.Users.Auth.Tests.TestSupport;

/// <summary>
/// A request body that can be produced only once, like a body streamed from a file or a pipe.
/// Sending it twice works only if something buffered it first.
/// </summary>
internal sealed class OneShotContent : HttpContent
{
    private readonly byte[] _body;
    private int _written;

    public OneShotContent(string body)
    {
        _body = Encoding.UTF8.GetBytes(body);
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        Interlocked.Exchange(ref _written, 1) == 0
            ? stream.WriteAsync(_body).AsTask()
            : throw new InvalidOperationException("The body was already sent once.");

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
