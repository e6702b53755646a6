using System.Security.Cryptography;
using System.Text;

namespace OnePassword.Users.Emulator.State;

/// <summary>Makes user ids shaped like 1Password's: 26 upper-case base32 characters.</summary>
internal static class UserIds
{
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const int Length = 26;

    /// <summary>A deterministic id derived from <paramref name="source"/>, so seeds give the same ids on every run.</summary>
    public static string Derive(string source) => Encode(SHA256.HashData(Encoding.UTF8.GetBytes(source)));

    /// <summary>A fresh random id.</summary>
    public static string Random() => Encode(RandomNumberGenerator.GetBytes(32));

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 26 characters of 5 bits need 130 bits; the 32-byte input always has enough.
        Span<char> id = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            var bitOffset = i * 5;
            var pair = (bytes[bitOffset / 8] << 8) | bytes[(bitOffset / 8) + 1];
            id[i] = Base32Alphabet[(pair >> (11 - (bitOffset % 8))) & 0x1F];
        }

        return new string(id);
    }
}
