using System.Security.Cryptography;
using System.Text;

namespace SecurityResponder;

/// <summary>Checks the SIEM's signature, <c>X-Signature: sha256=&lt;hex of HMAC-SHA256(body)&gt;</c>, in constant time.</summary>
internal static class WebhookSignature
{
    public const string Header = "X-Signature";

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool IsValid(ReadOnlySpan<byte> body, string? signature, string secret) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, secret)), Encoding.ASCII.GetBytes(signature));
}
