using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The OAuth application's client id and client secret, and the scope to request. The secret
/// can be read by nothing outside this library: it is not a property, it never appears in
/// <see cref="ToString"/>, the debugger display or an exception message.
/// </summary>
/// <remarks>
/// The secret is held XOR-masked with a random per-instance key, so a debugger's field view, a
/// reflection-based serializer or a casual heap string search does not show it. That is not
/// protection against an attacker who can read process memory; it only keeps the secret out of
/// places where it would be printed by accident.
/// </remarks>
[DebuggerDisplay("{DebuggerDisplay,nq}")]
public sealed class ClientCredentials
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] _maskedSecret;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] _mask;

    /// <summary>Creates the credentials.</summary>
    /// <param name="clientId">The OAuth application's client id.</param>
    /// <param name="clientSecret">The OAuth application's client secret.</param>
    /// <param name="scope">
    /// The <c>scope</c> form field to send, for example <c>openid</c>; <see langword="null"/> to
    /// send the <see cref="TokenEndpoint.Scopes"/> instead (and nothing when there are none).
    /// </param>
    /// <exception cref="ArgumentException">The client id or secret is empty or white space, or the scope is white space.</exception>
    public ClientCredentials(string clientId, string clientSecret, string? scope = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);

        // An explicit check with a fixed message, so no framework wording can ever quote the value.
        if (string.IsNullOrWhiteSpace(clientSecret))
        {
            throw new ArgumentException("The client secret must not be empty.", nameof(clientSecret));
        }

        if (scope is not null && string.IsNullOrWhiteSpace(scope))
        {
            throw new ArgumentException("The scope must be null or a non-empty scope string such as 'openid'.", nameof(scope));
        }

        ClientId = clientId;
        Scope = scope;
        byte[] secret = Encoding.UTF8.GetBytes(clientSecret);
        _mask = RandomNumberGenerator.GetBytes(secret.Length);
        _maskedSecret = secret;
        for (int i = 0; i < _maskedSecret.Length; i++)
        {
            _maskedSecret[i] ^= _mask[i];
        }
    }

    /// <summary>The OAuth application's client id.</summary>
    public string ClientId { get; }

    /// <summary>The scope to request, or <see langword="null"/> to use the token endpoint's scopes.</summary>
    public string? Scope { get; }

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private string DebuggerDisplay => $"ClientId = {ClientId}";

    /// <summary>Describes the credentials with the secret replaced by <c>***</c>.</summary>
    /// <returns><c>ClientCredentials { ClientId = abc, ClientSecret = *** }</c>.</returns>
    public override string ToString() => $"ClientCredentials {{ ClientId = {ClientId}, ClientSecret = *** }}";

    /// <summary>The secret in clear text, for building a request header only.</summary>
    internal string RevealSecret()
    {
        byte[] secret = new byte[_maskedSecret.Length];
        for (int i = 0; i < secret.Length; i++)
        {
            secret[i] = (byte)(_maskedSecret[i] ^ _mask[i]);
        }

        try
        {
            return Encoding.UTF8.GetString(secret);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
