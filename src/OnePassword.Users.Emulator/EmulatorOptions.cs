namespace OnePassword.Users.Emulator;

/// <summary>How an emulator instance is started. Every property has a default that mirrors the real API.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The account id the emulator uses when none is given.</summary>
    public const string DemoAccountId = "EMULATORACCT2345ABCDEFGHIJ";

    /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks any free port.</summary>
    public int Port { get; init; }

    /// <summary>How long issued access tokens live; the API documents 900 seconds.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(900);

    /// <summary>
    /// The most live tokens one client holds (default 1000). Issuing one more drops that client's
    /// oldest token, so a storm of token requests cannot grow the emulator's memory without bound.
    /// Expired tokens are forgotten as new ones are issued. (The real API's bound is not documented.)
    /// </summary>
    public int MaxTokensPerClient { get; init; } = 1000;

    /// <summary>
    /// The clock for token expiry and rate-limit windows. Pass a fake clock to test expiry and
    /// rate-limit recovery without waiting. Injected latency always uses real time.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The per-client limits on the users endpoints; every rule must hold. Defaults to the documented 100 a minute and 6000 an hour.</summary>
    public IReadOnlyList<RateLimitRule> RateLimits { get; init; } =
    [
        new RateLimitRule(100, TimeSpan.FromMinutes(1)),
        new RateLimitRule(6000, TimeSpan.FromHours(1)),
    ];

    /// <summary>Whether <see cref="RateLimits"/> are enforced.</summary>
    public bool RateLimitingEnabled { get; init; } = true;

    /// <summary>How 429 responses state when to retry.</summary>
    public RetryAfterFormat RetryAfterFormat { get; init; } = RetryAfterFormat.DeltaSeconds;

    /// <summary>The accounts and users to start with; <see langword="null"/> seeds <see cref="EmulatorSeed.Demo"/> users into the default account.</summary>
    public EmulatorSeed? Seed { get; init; }

    /// <summary>The id of the account that <see cref="UsersApiEmulator.DefaultClient"/> belongs to.</summary>
    public string DefaultAccountId { get; init; } = DemoAccountId;

    /// <summary>The default client's id; random when <see langword="null"/>.</summary>
    public string? DefaultClientId { get; init; }

    /// <summary>The default client's secret; random when <see langword="null"/>.</summary>
    public string? DefaultClientSecret { get; init; }

    /// <summary>Makes fault injection reproducible; <see langword="null"/> uses fresh randomness. Credentials and tokens stay cryptographically random.</summary>
    public int? RandomSeed { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TokenLifetime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokensPerClient, 1);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(RateLimits);
        ArgumentException.ThrowIfNullOrWhiteSpace(DefaultAccountId);
        foreach (var rule in RateLimits)
        {
            if (rule is null || rule.Limit < 1 || rule.Window <= TimeSpan.Zero)
            {
                throw new ArgumentException($"Every rate-limit rule needs a limit of at least 1 and a positive window; got {rule}.", nameof(RateLimits));
            }
        }
    }
}
