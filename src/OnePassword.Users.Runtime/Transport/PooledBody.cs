using System.Buffers;

namespace OnePassword.Users.Runtime;

/// <summary>
/// A response body read whole, within a size limit, into a buffer rented from the shared pool;
/// disposing returns the buffer. The generated readers parse <see cref="Span"/> in place.
/// </summary>
/// <remarks>
/// A struct, so reading a small response costs no object beyond the buffer. Exactly one owner
/// disposes it (a local, or the field of <see cref="BufferedResponseContent"/>); copies only read.
/// </remarks>
internal struct PooledBody : IDisposable
{
    private const int InitialBufferSize = 16 * 1024;

    // A declared length only sizes the first buffer up to this, so a lying Content-Length
    // cannot make the client allocate much before any byte arrived.
    private const int LargestInitialBuffer = 1024 * 1024;

    private byte[] _buffer;

    private PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public readonly int Length { get; }

    public readonly ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    internal readonly byte[] Buffer => _buffer;

    /// <summary>Reads <paramref name="content"/> to its end, or throws <see cref="ResponseLimitExceededException"/> past <paramref name="limit"/> bytes.</summary>
    /// <param name="content">The content to read.</param>
    /// <param name="declaredLength">Its <c>Content-Length</c>, which the caller has read already; it only sizes the first buffer.</param>
    /// <param name="limit">The most bytes to accept.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <remarks>Bytes are counted as the content stream yields them, after any decompression.</remarks>
    public static async ValueTask<PooledBody> ReadAsync(HttpContent content, long? declaredLength, int limit, CancellationToken cancellationToken)
    {
        long declared = declaredLength ?? InitialBufferSize;
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

            return new PooledBody(buffer, total);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        byte[]? buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer is { Length: > 0 })
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
