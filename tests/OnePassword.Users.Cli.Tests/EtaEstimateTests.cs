using OnePassword.Users.Cli.Activity;
using OnePassword.Users.Cli.Bulk;
using OnePassword.Users.Cli.Progress;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli.Tests;

/// <summary>The bulk display's estimate: the rate limit for the calls still to make, or the pace of recent targets, whichever is longer.</summary>
public sealed class EtaEstimateTests
{
    private static readonly BulkTarget Target = BulkTarget.Of("argument 1", "ID");

    [Fact]
    public void One_target_that_waited_for_the_rate_limit_does_not_make_the_rest_look_slow()
    {
        var progress = new BulkProgress(total: 120);
        progress.Planned([.. Enumerable.Repeat(1, 120)]);
        for (var i = 1; i <= 20; i++)
        {
            progress.Completed(new BulkOutcome(i, Target, OutcomeKind.Changed, "ID", null, string.Empty), TimeSpan.FromMilliseconds(i == 20 ? 40_000 : 50));
        }

        var eta = EtaEstimate.Compute(progress.Snapshot(), Idle(sends: []), new RateLimitForecast(new RateLimitOptions { Enabled = false }));

        eta.ShouldBe(TimeSpan.FromMilliseconds(50) * 100);
    }

    [Fact]
    public void After_the_first_burst_the_rate_limit_sets_the_estimate()
    {
        var progress = new BulkProgress(total: 300);
        progress.Planned([.. Enumerable.Repeat(1, 300)]);
        for (var i = 1; i <= 100; i++)
        {
            progress.Completed(new BulkOutcome(i, Target, OutcomeKind.Changed, "ID", null, string.Empty), TimeSpan.FromMilliseconds(20));
        }

        // 100 sends in the first two seconds (0 to 1.98 s): each later send waits until the one
        // 100 sends before it leaves the 61 s window, so the last of 200 more goes at 123.98 s.
        var sends = Enumerable.Range(0, 100).Select(i => TimeSpan.FromMilliseconds(20 * i)).ToList();
        var eta = EtaEstimate.Compute(progress.Snapshot(), Idle(sends, now: TimeSpan.FromSeconds(2)), new RateLimitForecast(new RateLimitOptions()));

        eta.ShouldBe(TimeSpan.FromSeconds(123.98) - TimeSpan.FromSeconds(2));
    }

    private static ActivitySnapshot Idle(IReadOnlyList<TimeSpan> sends, TimeSpan? now = null) =>
        new(now ?? TimeSpan.Zero, InOperation: false, TimeSpan.Zero, OnWire: null, Retry: null, sends, AverageLatency: null);
}
