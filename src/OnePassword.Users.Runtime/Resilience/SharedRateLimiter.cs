namespace OnePassword.Users.Runtime;

/// <summary>
/// One client's hold on a budget shared through <see cref="ClientRateLimiter"/>. Disposing it
/// releases the hold; the limiter itself is disposed when the last hold is released.
/// </summary>
public sealed class SharedRateLimiter : IDisposable
{
    private readonly string _partitionKey;
    private int _released;

    internal SharedRateLimiter(string partitionKey, RollingWindowRateLimiter limiter)
    {
        _partitionKey = partitionKey;
        Limiter = limiter;
    }

    /// <summary>The shared limiter. Do not dispose it; dispose this lease instead.</summary>
    public RollingWindowRateLimiter Limiter { get; }

    /// <summary>Releases this client's hold on the budget.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            ClientRateLimiter.Release(_partitionKey, Limiter);
        }
    }
}
