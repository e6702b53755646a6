namespace OnePassword.Users.Cli.Activity;

/// <summary>One piece of work under way, from <see cref="ApiActivity.BeginOperation"/>; pass <see cref="Token"/> to the calls.</summary>
internal sealed class OperationScope : IDisposable
{
    private readonly ApiActivity _activity;
    private readonly CancellationTokenSource _cancellation;
    private int _attemptsSent;

    internal OperationScope(ApiActivity activity, CancellationTokenSource cancellation)
    {
        _activity = activity;
        _cancellation = cancellation;
    }

    public CancellationToken Token => _cancellation.Token;

    /// <summary>How many API requests this work has handed to the transport so far.</summary>
    public int AttemptsSent => Volatile.Read(ref _attemptsSent);

    /// <summary>True from the moment an API request is handed to the transport until the client decides to retry or the work ends.</summary>
    internal bool AttemptOutstanding { get; set; }

    public void Dispose()
    {
        _activity.End(this);
        _cancellation.Dispose();
    }

    internal void CountAttempt() => Interlocked.Increment(ref _attemptsSent);

    internal void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The work ended meanwhile; there is nothing left to cancel.
        }
    }
}
