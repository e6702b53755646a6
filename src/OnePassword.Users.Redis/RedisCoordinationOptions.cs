namespace OnePassword.Users.Redis;

/// <summary>How <see cref="RedisCoordination"/> uses Redis.</summary>
public sealed class RedisCoordinationOptions
{
    /// <summary>The prefix of every key the SDK writes (<c>op-users:</c> + a hash of base URL and client id, never a secret).</summary>
    public string KeyPrefix { get; set; } = "op-users";

    /// <summary>How long one Redis call may take before it counts as a failure. Default 500 ms.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>After a failure, how long the limiter uses its fallback before it tries Redis again. Default 1 s.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>What the limiter does while Redis is gone. Default <see cref="RedisFailureMode.LocalFallback"/>.</summary>
    public RedisFailureMode FailureMode { get; set; } = RedisFailureMode.LocalFallback;

    /// <summary>
    /// The part of each rate limit the local fallback allows this process, from 0 (exclusive) to 1.
    /// Default 0.25: a fleet of four that loses Redis together stays within the limits.
    /// </summary>
    public double FallbackShare { get; set; } = 0.25;

    /// <summary>
    /// The 256-bit AES-GCM key that encrypts access tokens in Redis, the same in every process of
    /// the fleet (Base64 in configuration: <c>TokenEncryptionKey</c>). Null turns token sharing off:
    /// each process then requests its own token, and only the rate budget is shared.
    /// </summary>
    public byte[]? TokenEncryptionKey { get; set; }

    internal IEnumerable<(string Key, string Message)> Problems()
    {
        if (string.IsNullOrWhiteSpace(KeyPrefix))
        {
            yield return (nameof(KeyPrefix), "must not be empty.");
        }

        if (OperationTimeout <= TimeSpan.Zero)
        {
            yield return (nameof(OperationTimeout), $"must be positive, not {OperationTimeout}.");
        }

        if (RetryInterval <= TimeSpan.Zero)
        {
            yield return (nameof(RetryInterval), $"must be positive, not {RetryInterval}.");
        }

        if (FallbackShare is <= 0 or > 1 || double.IsNaN(FallbackShare))
        {
            yield return (nameof(FallbackShare), $"must be greater than 0 and at most 1, not {FallbackShare}.");
        }

        if (TokenEncryptionKey is { Length: not 32 })
        {
            yield return (nameof(TokenEncryptionKey), $"must be 32 bytes (a 256-bit key), not {TokenEncryptionKey.Length}.");
        }
    }

    internal void Validate()
    {
        foreach ((string key, string message) in Problems())
        {
            throw new ArgumentException($"RedisCoordinationOptions.{key} {message}", key);
        }
    }
}
