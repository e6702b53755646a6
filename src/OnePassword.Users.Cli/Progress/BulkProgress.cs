using OnePassword.Users.Cli.Bulk;

namespace OnePassword.Users.Cli.Progress;

/// <summary>How far a bulk run is, for its live display: updated by the runner, read by the display's timer. Thread-safe.</summary>
internal sealed class BulkProgress(int total)
{
    private const int DurationSamples = 20;

    private readonly Lock _gate = new();
    private readonly Queue<TimeSpan> _durations = new();
    private int[] _calls = [];
    private int _remainingCalls;
    private int _done;
    private string? _current;
    private bool _stopping;

    public int Total { get; } = total;

    /// <summary>How many API calls each target is expected to need, once the listing (if any) is known.</summary>
    public void Planned(IReadOnlyList<int> callsPerTarget)
    {
        lock (_gate)
        {
            _calls = [.. callsPerTarget];
            _remainingCalls = _calls.Skip(_done).Sum();
        }
    }

    public void Starting(BulkTarget target)
    {
        lock (_gate)
        {
            _current = target.Value;
        }
    }

    public void Completed(BulkOutcome outcome, TimeSpan duration)
    {
        lock (_gate)
        {
            _done++;
            _current = null;
            if (outcome.Index - 1 < _calls.Length)
            {
                _remainingCalls = Math.Max(0, _remainingCalls - _calls[outcome.Index - 1]);
            }

            if (outcome.Kind is OutcomeKind.Changed or OutcomeKind.Failed or OutcomeKind.AlreadyInState or OutcomeKind.WouldChange)
            {
                _durations.Enqueue(duration);
                if (_durations.Count > DurationSamples)
                {
                    _durations.Dequeue();
                }
            }
        }
    }

    public void Stopping()
    {
        lock (_gate)
        {
            _stopping = true;
        }
    }

    public BulkProgressSnapshot Snapshot()
    {
        lock (_gate)
        {
            // The median, not the mean: one target that waited a minute for the rate limit would
            // otherwise make every remaining target look a few seconds long, and the rate limit
            // is already counted in full by the estimate's forecast.
            TimeSpan? pace = _durations.Count == 0 ? null : _durations.Order().ElementAt(_durations.Count / 2);
            return new BulkProgressSnapshot(_done, Total, _current, _remainingCalls, pace, _stopping);
        }
    }
}
