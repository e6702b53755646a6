namespace OnePassword.Users.Cli.Interruption;

/// <summary>
/// A request to stop: Ctrl+C (SIGINT) or SIGTERM in the real process, or a test. Commands that
/// only read stop at once; bulk commands finish the call in flight first, so every change made is
/// known and recorded, then report and exit with <see cref="ExitCode"/>.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private int _signal;

    /// <summary>Cancelled when a stop is requested.</summary>
    public CancellationToken Token => _requested.Token;

    public bool IsRequested => _requested.IsCancellationRequested;

    /// <summary>What asked to stop, for messages; null until asked.</summary>
    public StopReason? Reason => Volatile.Read(ref _signal) switch
    {
        1 => StopReason.Interrupt,
        2 => StopReason.Terminate,
        _ => null,
    };

    /// <summary>The shell's convention, 128 + the signal number: 130 for SIGINT, 143 for SIGTERM.</summary>
    public int ExitCode => Reason == StopReason.Terminate ? ExitCodes.Terminated : ExitCodes.Cancelled;

    /// <summary>Asks the running command to stop; returns false when a stop was already asked for.</summary>
    public bool Request(StopReason reason)
    {
        if (Interlocked.CompareExchange(ref _signal, reason == StopReason.Terminate ? 2 : 1, 0) != 0)
        {
            return false;
        }

        _requested.Cancel();
        return true;
    }

    public void Dispose() => _requested.Dispose();
}
