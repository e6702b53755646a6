using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The page tokens one enumeration has seen, kept as 128-bit hashes rather than the tokens
/// themselves: a cycle is caught at the first repeated token, and memory grows by 16 bytes a page
/// however large the server makes its tokens.
/// </summary>
internal sealed class PageTokenHistory
{
    private readonly HashSet<UInt128> _seen = [];

    /// <summary>Records <paramref name="token"/>; false when it was seen before.</summary>
    public bool Add(string token) => _seen.Add(Hash(token));

    private static UInt128 Hash(string token)
    {
        int length = Encoding.UTF8.GetMaxByteCount(token.Length);
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            int written = Encoding.UTF8.GetBytes(token, rented);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, written), digest);
            return new UInt128(BitConverter.ToUInt64(digest), BitConverter.ToUInt64(digest[8..]));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
