using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using OnePassword.Users.Runtime;
using StackExchange.Redis;

namespace OnePassword.Users.Redis;

/// <summary>
/// The fleet's access token in Redis, encrypted with AES-GCM under the key the user supplies (the
/// cache key is the associated data, so a value cannot be moved to another key), stored with a TTL
/// that ends before the token expires, and guarded by a short lock so one process at a time asks
/// the token endpoint.
/// </summary>
/// <remarks>
/// Each value starts with a fingerprint of the token (the first 8 bytes of its SHA-256, in hex),
/// so a 401 can remove exactly the token that was refused, without Redis ever seeing the token.
/// </remarks>
internal sealed class RedisTokenCache : IAccessTokenCache
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    // The value outlives the token by nothing: it is gone this long before the token expires.
    private static readonly TimeSpan s_expiresEarly = TimeSpan.FromSeconds(30);

    private readonly IDatabase _database;
    private readonly RedisCoordinationOptions _options;
    private readonly byte[] _key;

    public RedisTokenCache(IConnectionMultiplexer redis, RedisCoordinationOptions options, byte[] key)
    {
        _database = redis.GetDatabase();
        _options = options;
        _key = key;
    }

    public async ValueTask<CachedAccessToken?> GetAsync(string key, CancellationToken cancellationToken)
    {
        RedisValue value = await _database.StringGetAsync(TokenKey(key)).WaitAsync(_options.OperationTimeout, cancellationToken).ConfigureAwait(false);
        if (value.IsNullOrEmpty)
        {
            return null;
        }

        string stored = value.ToString();
        int separator = stored.IndexOf(':', StringComparison.Ordinal);
        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(stored[(separator + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }

        return Open(sealedBytes, key);
    }

    public async ValueTask SetAsync(string key, CachedAccessToken token, CancellationToken cancellationToken)
    {
        TimeSpan ttl = token.Token.ExpiresAt - DateTimeOffset.UtcNow - s_expiresEarly;
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        string value = Fingerprint(token.Token) + ":" + Convert.ToBase64String(Seal(token, key));
        await _database.StringSetAsync(TokenKey(key), value, ttl).WaitAsync(_options.OperationTimeout, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(string key, AccessToken rejected, CancellationToken cancellationToken) =>
        await RedisScripts.DeleteIfStartsWith.EvaluateAsync(_database, new { key = TokenKey(key), prefix = Fingerprint(rejected) + ":" })
            .WaitAsync(_options.OperationTimeout, cancellationToken).ConfigureAwait(false);

    public async ValueTask<IAsyncDisposable?> TryLockAsync(string key, TimeSpan duration, CancellationToken cancellationToken)
    {
        RedisKey lockKey = TokenKey(key).Append(":lock");
        string owner = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        bool taken = await _database.StringSetAsync(lockKey, owner, duration, When.NotExists).WaitAsync(_options.OperationTimeout, cancellationToken).ConfigureAwait(false);
        return taken ? new Lock(this, lockKey, owner) : null;
    }

    private RedisKey TokenKey(string key) => $"{_options.KeyPrefix}:token:{key}";

    private static string Fingerprint(AccessToken token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Value)).AsSpan(0, 8));

    /// <summary>nonce | tag | ciphertext of: expires (ms, 8 bytes) | issued (ms, 8 bytes) | token type length (1) | type | value.</summary>
    private byte[] Seal(CachedAccessToken cached, string key)
    {
        byte[] type = Encoding.UTF8.GetBytes(cached.Token.TokenType);
        byte[] value = Encoding.UTF8.GetBytes(cached.Token.Value);
        byte[] plain = new byte[8 + 8 + 1 + type.Length + value.Length];
        BinaryPrimitives.WriteInt64BigEndian(plain, cached.Token.ExpiresAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteInt64BigEndian(plain.AsSpan(8), cached.IssuedAt.ToUnixTimeMilliseconds());
        plain[16] = (byte)type.Length;
        type.CopyTo(plain, 17);
        value.CopyTo(plain, 17 + type.Length);

        byte[] output = new byte[NonceSize + TagSize + plain.Length];
        Span<byte> nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(key));
        CryptographicOperations.ZeroMemory(plain);
        return output;
    }

    /// <summary>The token, or null when the value does not open with this key (another key, tampered, truncated).</summary>
    private CachedAccessToken? Open(byte[] sealedBytes, string key)
    {
        if (sealedBytes.Length < NonceSize + TagSize + 17)
        {
            return null;
        }

        byte[] plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(key));
            int typeLength = plain[16];
            var token = new AccessToken(
                Encoding.UTF8.GetString(plain, 17 + typeLength, plain.Length - 17 - typeLength),
                DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(plain)),
                Encoding.UTF8.GetString(plain, 17, typeLength));
            return new CachedAccessToken(token, DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(plain.AsSpan(8))));
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private sealed class Lock(RedisTokenCache cache, RedisKey key, string owner) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await RedisScripts.DeleteIfStartsWith.EvaluateAsync(cache._database, new { key, prefix = owner })
                    .WaitAsync(cache._options.OperationTimeout).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                // The lock expires on its own; a failed release only makes the others wait for that.
            }
        }
    }
}
