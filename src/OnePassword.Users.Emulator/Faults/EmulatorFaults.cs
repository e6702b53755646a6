using OnePassword.Users.Emulator.Faults;

namespace OnePassword.Users.Emulator;

/// <summary>
/// Faults injected into the users endpoints (never the OAuth endpoints), changeable while the
/// emulator runs. They act after authentication and rate limiting and before the operation runs,
/// so a faulted request uses a rate-limit slot (as at a real gateway) but never changes state.
/// Thread-safe.
/// </summary>
public sealed class EmulatorFaults
{
    private static readonly int[] SupportedStatusCodes = [StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable];

    private readonly Lock _gate = new();
    private readonly Random _random;
    private double _errorRate;
    private double _dropConnectionRate;
    private TimeSpan _latency;
    private IReadOnlyList<int> _errorStatusCodes = [StatusCodes.Status503ServiceUnavailable];

    internal EmulatorFaults(int? randomSeed) => _random = randomSeed is { } seed ? new Random(seed) : new Random();

    /// <summary>The share (0 to 1) of users requests answered with an injected error from <see cref="ErrorStatusCodes"/>.</summary>
    public double ErrorRate
    {
        get { lock (_gate) { return _errorRate; } }
        set { ValidateRate(value); lock (_gate) { _errorRate = value; } }
    }

    /// <summary>
    /// The HTTP statuses injected errors use, picked at random: 500 (google.rpc.Status code 13,
    /// Internal) and 503 (code 14, Unavailable). Defaults to 503.
    /// </summary>
    public IReadOnlyList<int> ErrorStatusCodes
    {
        get { lock (_gate) { return _errorStatusCodes; } }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Count == 0 || value.Any(code => !SupportedStatusCodes.Contains(code)))
            {
                throw new ArgumentException("Injected errors support the HTTP statuses 500 and 503, at least one of them.", nameof(value));
            }

            lock (_gate) { _errorStatusCodes = [.. value]; }
        }
    }

    /// <summary>Real (wall-clock) delay before every users request is answered; a client abort ends the wait.</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) { return _latency; } }
        set { ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero); lock (_gate) { _latency = value; } }
    }

    /// <summary>The share (0 to 1) of users requests whose connection is aborted without any response.</summary>
    public double DropConnectionRate
    {
        get { lock (_gate) { return _dropConnectionRate; } }
        set { ValidateRate(value); lock (_gate) { _dropConnectionRate = value; } }
    }

    /// <summary>Turns every fault off.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _errorRate = 0;
            _dropConnectionRate = 0;
            _latency = TimeSpan.Zero;
            _errorStatusCodes = [StatusCodes.Status503ServiceUnavailable];
        }
    }

    /// <summary>Rolls the dice for one request. Random draws happen only for active faults, so a fixed seed replays the same sequence.</summary>
    internal FaultDecision Decide()
    {
        lock (_gate)
        {
            var drop = _dropConnectionRate > 0 && _random.NextDouble() < _dropConnectionRate;
            int? errorStatus = null;
            if (!drop && _errorRate > 0 && _random.NextDouble() < _errorRate)
            {
                errorStatus = _errorStatusCodes[_random.Next(_errorStatusCodes.Count)];
            }

            return new FaultDecision(_latency, drop, errorStatus);
        }
    }

    private static void ValidateRate(double rate)
    {
        if (double.IsNaN(rate) || rate < 0 || rate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A fault rate is a share between 0 and 1.");
        }
    }
}
