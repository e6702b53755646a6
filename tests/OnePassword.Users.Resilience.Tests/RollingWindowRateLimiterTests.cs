using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using OnePassword.Users.Runtime;
using Shouldly;

namespace OnePassword.Users.Resilience.Tests;

public sealed class RollingWindowRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private TimeSpan Elapsed(DateTimeOffset start) => _time.GetUtcNow() - start;

    /// <summary>
    /// Callers arrive on a schedule; the clock moves in steps; each grant is stamped with the
    /// clock reading at the step that granted it (a grant happens inside Advance, so
    /// IsCompleted is exact right after it).
    /// </summary>
    private async Task<List<TimeSpan>> RunScheduleAsync(RollingWindowRateLimiter limiter, IReadOnlyList<TimeSpan> arrivals, Func<TimeSpan> step)
    {
        DateTimeOffset start = _time.GetUtcNow();
        var pending = new List<ValueTask<RateLimitLease>>();
        var grants = new List<TimeSpan>();
        var granted = new HashSet<int>();
        int next = 0;
        while (grants.Count < arrivals.Count)
        {
            while (next < arrivals.Count && arrivals[next] <= Elapsed(start))
            {
                pending.Add(limiter.AcquireAsync(1));
                next++;
            }

            for (int i = 0; i < pending.Count; i++)
            {
                if (!granted.Contains(i) && pending[i].IsCompleted)
                {
                    using RateLimitLease lease = await pending[i];
                    lease.IsAcquired.ShouldBeTrue();
                    granted.Add(i);
                    grants.Add(Elapsed(start));
                }
            }

            if (grants.Count < arrivals.Count)
            {
                _time.Advance(step());
            }
        }

        return grants;
    }

    private static void ShouldNeverExceed(IReadOnlyList<TimeSpan> grants, int limit, TimeSpan window)
    {
        // At most `limit` grants in any window (t - window, t]: grant i and grant i + limit are
        // at least one window apart.
        var sorted = grants.Order().ToList();
        for (int i = 0; i + limit < sorted.Count; i++)
        {
            (sorted[i + limit] - sorted[i]).ShouldBeGreaterThanOrEqualTo(window, $"grants {i} and {i + limit} of {sorted.Count}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task Never_admits_more_than_the_limit_in_any_window_on_a_random_schedule(int seed)
    {
        var random = new Random(seed);
        using var limiter = new RollingWindowRateLimiter(
            [new RateLimitRule(5, TimeSpan.FromSeconds(10)), new RateLimitRule(12, TimeSpan.FromSeconds(60))],
            TimeSpan.Zero,
            _time,
            queueLimit: int.MaxValue);
        var arrivals = new List<TimeSpan>();
        TimeSpan at = TimeSpan.Zero;
        for (int i = 0; i < 60; i++)
        {
            // Bursts and lulls: most callers come together, some after long pauses.
            at += TimeSpan.FromMilliseconds(random.Next(4) == 0 ? random.Next(0, 20_000) : random.Next(0, 300));
            arrivals.Add(at);
        }

        List<TimeSpan> grants = await RunScheduleAsync(limiter, arrivals, () => TimeSpan.FromMilliseconds(random.Next(1, 700)));

        grants.Count.ShouldBe(60);
        ShouldNeverExceed(grants, 5, TimeSpan.FromSeconds(10));
        ShouldNeverExceed(grants, 12, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Grants_each_request_as_soon_as_the_window_allows()
    {
        using var limiter = new RollingWindowRateLimiter(3, TimeSpan.FromSeconds(10), _time, queueLimit: int.MaxValue);
        TimeSpan[] arrivals = [.. new[] { 0, 0, 0, 0, 0, 2_000, 4_000, 30_000, 30_000 }.Select(ms => TimeSpan.FromMilliseconds(ms))];

        List<TimeSpan> grants = await RunScheduleAsync(limiter, arrivals, () => TimeSpan.FromMilliseconds(100));

        grants.ShouldBe([.. new[] { 0, 0, 0, 10_000, 10_000, 10_000, 20_000, 30_000, 30_000 }.Select(ms => TimeSpan.FromMilliseconds(ms))]);
    }

    [Fact]
    public async Task Rules_are_enforced_together_on_the_same_timestamps()
    {
        using var limiter = new RollingWindowRateLimiter(
            [new RateLimitRule(2, TimeSpan.FromSeconds(1)), new RateLimitRule(3, TimeSpan.FromSeconds(10))],
            TimeSpan.Zero,
            _time,
            queueLimit: int.MaxValue);

        List<TimeSpan> grants = await RunScheduleAsync(limiter, [.. Enumerable.Repeat(TimeSpan.Zero, 6)], () => TimeSpan.FromMilliseconds(50));

        grants.ShouldBe([.. new[] { 0, 0, 1_000, 10_000, 10_000, 11_000 }.Select(ms => TimeSpan.FromMilliseconds(ms))]);
    }

    [Fact]
    public async Task The_safety_margin_widens_every_window()
    {
        using var limiter = new RollingWindowRateLimiter([new RateLimitRule(2, TimeSpan.FromSeconds(1))], TimeSpan.FromMilliseconds(50), _time, int.MaxValue);

        List<TimeSpan> grants = await RunScheduleAsync(limiter, [.. Enumerable.Repeat(TimeSpan.Zero, 3)], () => TimeSpan.FromMilliseconds(10));

        grants[2].ShouldBe(TimeSpan.FromMilliseconds(1_050));
    }

    [Fact]
    public async Task Waiting_callers_are_served_first_in_first_out()
    {
        using var limiter = new RollingWindowRateLimiter(1, TimeSpan.FromSeconds(1), _time, queueLimit: 10);
        using RateLimitLease first = await limiter.AcquireAsync();
        ValueTask<RateLimitLease> second = limiter.AcquireAsync();
        ValueTask<RateLimitLease> third = limiter.AcquireAsync();

        // A synchronous attempt does not jump the queue, even once a permit is free.
        _time.Advance(TimeSpan.FromSeconds(1));
        limiter.AttemptAcquire().IsAcquired.ShouldBeFalse();
        second.IsCompleted.ShouldBeTrue();
        third.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromSeconds(1));
        third.IsCompleted.ShouldBeTrue();
        (await second).IsAcquired.ShouldBeTrue();
        (await third).IsAcquired.ShouldBeTrue();
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_at_once_and_takes_no_permit()
    {
        using var limiter = new RollingWindowRateLimiter(1, TimeSpan.FromSeconds(1), _time, queueLimit: 10);
        using RateLimitLease first = await limiter.AcquireAsync();
        using var cancellation = new CancellationTokenSource();
        ValueTask<RateLimitLease> cancelled = limiter.AcquireAsync(1, cancellation.Token);
        ValueTask<RateLimitLease> after = limiter.AcquireAsync();

        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(async () => await cancelled);
        limiter.GetStatistics()!.CurrentQueuedCount.ShouldBe(1);
        _time.Advance(TimeSpan.FromSeconds(1));
        (await after).IsAcquired.ShouldBeTrue();
    }

    [Fact]
    public async Task An_already_cancelled_token_fails_without_queueing()
    {
        using var limiter = new RollingWindowRateLimiter(1, TimeSpan.FromSeconds(1), _time, queueLimit: 10);
        using RateLimitLease first = await limiter.AcquireAsync();

        await Should.ThrowAsync<OperationCanceledException>(async () => await limiter.AcquireAsync(1, new CancellationToken(canceled: true)));
        limiter.GetStatistics()!.CurrentQueuedCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_full_queue_refuses_at_once_and_says_when_to_retry()
    {
        using var limiter = new RollingWindowRateLimiter(1, TimeSpan.FromSeconds(10), _time, queueLimit: 1);
        using RateLimitLease first = await limiter.AcquireAsync();
        ValueTask<RateLimitLease> queued = limiter.AcquireAsync();

        using RateLimitLease refused = await limiter.AcquireAsync();

        refused.IsAcquired.ShouldBeFalse();
        refused.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retryAfter).ShouldBeTrue();
        retryAfter.ShouldBe(TimeSpan.FromSeconds(10));
        queued.IsCompleted.ShouldBeFalse();
        limiter.GetStatistics()!.TotalFailedLeases.ShouldBe(1);
    }

    [Fact]
    public async Task HoldFor_holds_every_caller_until_it_ends()
    {
        using var limiter = new RollingWindowRateLimiter(100, TimeSpan.FromMinutes(1), _time, queueLimit: 10);
        limiter.HoldFor(TimeSpan.FromSeconds(5));
        limiter.HoldFor(TimeSpan.FromSeconds(2)); // a shorter hold does not shorten it

        ValueTask<RateLimitLease> waiting = limiter.AcquireAsync();
        limiter.GetStatistics()!.CurrentAvailablePermits.ShouldBe(0);
        _time.Advance(TimeSpan.FromMilliseconds(4_999));
        waiting.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await waiting).IsAcquired.ShouldBeTrue();
        limiter.GetStatistics()!.CurrentAvailablePermits.ShouldBe(99);
    }

    [Fact]
    public async Task Disposing_releases_waiters_with_a_failed_lease()
    {
        var limiter = new RollingWindowRateLimiter(1, TimeSpan.FromSeconds(1), _time, queueLimit: 10);
        using RateLimitLease first = await limiter.AcquireAsync();
        ValueTask<RateLimitLease> waiting = limiter.AcquireAsync();

        limiter.Dispose();

        (await waiting).IsAcquired.ShouldBeFalse();
        Should.Throw<ObjectDisposedException>(() => limiter.AttemptAcquire());
    }

    [Fact]
    public void Statistics_and_idle_time_follow_the_window()
    {
        using var limiter = new RollingWindowRateLimiter(3, TimeSpan.FromSeconds(10), _time, queueLimit: 10);
        limiter.AttemptAcquire().IsAcquired.ShouldBeTrue();
        limiter.AttemptAcquire().IsAcquired.ShouldBeTrue();

        limiter.GetStatistics()!.CurrentAvailablePermits.ShouldBe(1);
        limiter.IdleDuration.ShouldBeNull();
        _time.Advance(TimeSpan.FromSeconds(12));

        limiter.GetStatistics()!.CurrentAvailablePermits.ShouldBe(3);
        limiter.IdleDuration.ShouldBe(TimeSpan.FromSeconds(2));
        limiter.GetStatistics()!.TotalSuccessfulLeases.ShouldBe(2);
    }

    [Fact]
    public void A_lease_for_more_permits_than_any_window_holds_is_refused_as_an_argument_error()
    {
        using var limiter = new RollingWindowRateLimiter(3, TimeSpan.FromSeconds(10), _time, queueLimit: 10);

        Should.Throw<ArgumentOutOfRangeException>(() => limiter.AttemptAcquire(4));
    }
}
