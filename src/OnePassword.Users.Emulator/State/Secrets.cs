using System.Buffers.Text;
using System.Security.Cryptography;

namespace OnePassword.Users.Emulator.State;

/// <summary>Unguessable strings for client credentials and access tokens.</summary>
internal static class Secrets
{
    /// <summary><paramref name="byteCount"/> random bytes as unpadded base64url, safe in headers, forms and URLs.</summary>
    public static string Generate(int byteCount) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(byteCount));
}
