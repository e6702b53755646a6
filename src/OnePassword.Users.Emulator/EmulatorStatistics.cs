namespace OnePassword.Users.Emulator;

/// <summary>Counters of what the emulator served, for asserting client behaviour (retries, token reuse, throttling). Thread-safe.</summary>
public sealed class EmulatorStatistics
{
    private readonly long[] _requestsByOperation = new long[Enum.GetValues<EmulatorOperation>().Length];
    private long _unmatchedRequests;
    private long _tokensIssued;
    private long _tokensRevoked;
    private long _rateLimitedResponses;
    private long _injectedErrors;
    private long _droppedConnections;

    /// <summary>Requests for <see cref="EmulatorOperation.RequestAccessToken"/>, successful or not.</summary>
    public long TokenRequests => RequestsFor(EmulatorOperation.RequestAccessToken);

    /// <summary>Access tokens issued.</summary>
    public long TokensIssued => Interlocked.Read(ref _tokensIssued);

    /// <summary>Requests for <see cref="EmulatorOperation.RevokeAccessToken"/>, successful or not.</summary>
    public long RevocationRequests => RequestsFor(EmulatorOperation.RevokeAccessToken);

    /// <summary>Revocations that actually revoked a working token.</summary>
    public long TokensRevoked => Interlocked.Read(ref _tokensRevoked);

    /// <summary>429 responses sent.</summary>
    public long RateLimitedResponses => Interlocked.Read(ref _rateLimitedResponses);

    /// <summary>Injected 500/503 responses.</summary>
    public long InjectedErrors => Interlocked.Read(ref _injectedErrors);

    /// <summary>Connections aborted by fault injection.</summary>
    public long DroppedConnections => Interlocked.Read(ref _droppedConnections);

    /// <summary>All injected faults that replaced a response: errors plus dropped connections.</summary>
    public long InjectedFaults => InjectedErrors + DroppedConnections;

    /// <summary>Requests that matched no route.</summary>
    public long UnmatchedRequests => Interlocked.Read(ref _unmatchedRequests);

    /// <summary>Requests routed to any operation.</summary>
    public long TotalRequests => Enum.GetValues<EmulatorOperation>().Sum(RequestsFor);

    /// <summary>Requests routed to <paramref name="operation"/>, whatever their outcome.</summary>
    /// <param name="operation">The operation.</param>
    public long RequestsFor(EmulatorOperation operation) => Interlocked.Read(ref _requestsByOperation[(int)operation]);

    /// <summary>Sets every counter to zero.</summary>
    public void Reset()
    {
        for (var i = 0; i < _requestsByOperation.Length; i++)
        {
            Interlocked.Exchange(ref _requestsByOperation[i], 0);
        }

        Interlocked.Exchange(ref _unmatchedRequests, 0);
        Interlocked.Exchange(ref _tokensIssued, 0);
        Interlocked.Exchange(ref _tokensRevoked, 0);
        Interlocked.Exchange(ref _rateLimitedResponses, 0);
        Interlocked.Exchange(ref _injectedErrors, 0);
        Interlocked.Exchange(ref _droppedConnections, 0);
    }

    internal void RecordRequest(EmulatorOperation operation) => Interlocked.Increment(ref _requestsByOperation[(int)operation]);

    internal void RecordUnmatched() => Interlocked.Increment(ref _unmatchedRequests);

    internal void RecordTokenIssued() => Interlocked.Increment(ref _tokensIssued);

    internal void RecordTokenRevoked() => Interlocked.Increment(ref _tokensRevoked);

    internal void RecordRateLimited() => Interlocked.Increment(ref _rateLimitedResponses);

    internal void RecordInjectedError() => Interlocked.Increment(ref _injectedErrors);

    internal void RecordDroppedConnection() => Interlocked.Increment(ref _droppedConnections);
}
