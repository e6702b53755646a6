using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace OnePassword.Users.Resilience.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports every timer created on it with its due
/// time. <c>Task.Delay(delay, timeProvider)</c> creates one timer, so a test learns exactly how
/// long a handler decided to wait, and knows the wait has started before it advances the clock.
/// </summary>
internal sealed class ObservedTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public ObservedTimeProvider(DateTimeOffset start) => Fake = new FakeTimeProvider(start);

    public FakeTimeProvider Fake { get; }

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = Fake.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    public void Advance(TimeSpan delta) => Fake.Advance(delta);

    /// <summary>The due time of the next timer created, waiting (bounded) for it.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _timers.Reader.ReadAsync(bound.Token);
    }

    public bool AnyTimerCreated => _timers.Reader.TryPeek(out _);
}
