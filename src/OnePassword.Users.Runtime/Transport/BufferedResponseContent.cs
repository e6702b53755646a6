using System.Net.Http.Headers;
using System.Buffers;
using System.Net;

namespace OnePassword.Users.Runtime;

/// <summary>
/// A response body read whole, within the size limit, into a pooled buffer: what every response
/// of the pipeline carries once <see cref="TransportGuardHandler"/> has read it. The generated
/// readers parse <see cref="Span"/> in place; disposing returns the buffer to the pool.
/// </summary>
internal sealed class BufferedResponseContent : HttpContent
{
    private const int InitialBufferSize = 16 * 1024;

    // A declared length only sizes the first buffer up to this, so a lying Content-Length
    // cannot make the client allocate much before any byte arrived.
    private const int LargestInitialBuffer = 1024 * 1024;

    private byte[] _buffer;
    private readonly int _length;

    private BufferedResponseContent(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public int Length => _length;

    /// <summary>Reads <paramref name="content"/> to its end, or throws <see cref="ResponseLimitExceededException"/> past <paramref name="limit"/> bytes.</summary>
    /// <remarks>Bytes are counted as the content stream yields them, after any decompression.</remarks>
    public static async Task<BufferedResponseContent> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        long declared = content.Headers.ContentLength ?? InitialBufferSize;
        int initial = (int)Math.Clamp(declared + 1, 1, Math.Min(LargestInitialBuffer, (long)limit + 1));
        byte[] buffer = ArrayPool<byte>.Shared.Rent(initial);
        int total = 0;
        try
        {
            Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (total == buffer.Length)
                    {
                        if (total > limit)
                        {
                            throw new ResponseLimitExceededException();
                        }

                        byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                        buffer.AsSpan(0, total).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                    if (total > limit)
                    {
                        throw new ResponseLimitExceededException();
                    }
                }
            }

            var buffered = new BufferedResponseContent(buffer, total);
            foreach (KeyValuePair<string, HeaderStringValues> header in content.Headers.NonValidated)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string>)header.Value);
            }

            return buffered;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(_buffer, 0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(CreateContentReadStream(default));

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) =>
        new MemoryStream(_buffer, 0, _length, writable: false);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            byte[] buffer = Interlocked.Exchange(ref _buffer, []);
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        base.Dispose(disposing);
    }
}
