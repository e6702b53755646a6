using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace OnePassword.Users.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports the due time of every timer created on it.
/// <c>Task.Delay(delay, timeProvider)</c> creates one timer, so a test learns exactly how long the
/// code under test decided to wait, and knows the wait began before it moves the clock. Shared
/// (as a linked file) by the test projects that drive waits with a fake clock.
/// </summary>
internal sealed class ObservedTimeProvider : TimeProvider
{
    /// <summary>The start of the clock when a test names none.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public ObservedTimeProvider(DateTimeOffset? start = null)
    {
        Start = start ?? DefaultStart;
        Fake = new FakeTimeProvider(Start);
    }

    public DateTimeOffset Start { get; }

    public FakeTimeProvider Fake { get; }

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public bool AnyTimerCreated => _timers.Reader.TryPeek(out _);

    /// <summary>
    /// A due time whose timers are not reported: the time limit each token request carries
    /// (<c>TokenCacheOptions.RequestTimeout</c>), which tests of the waits the code chooses do not
    /// look at. The timers still run on the clock.
    /// </summary>
    public TimeSpan? Unreported { get; init; }

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = Fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Unreported)
        {
            _timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    public void Advance(TimeSpan delta) => Fake.Advance(delta);

    /// <summary>Moves the clock to <see cref="Start"/> plus <paramref name="sinceStart"/>.</summary>
    public void SetSinceStart(TimeSpan sinceStart) => Fake.SetUtcNow(Start + sinceStart);

    /// <summary>The due time of the next timer created, waiting (bounded, in real time) for it.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _timers.Reader.ReadAsync(bound.Token);
    }
}
