using System.Globalization;
using OnePassword.Users.Cli.Activity;
using OnePassword.Users.Cli.Bulk;

namespace OnePassword.Users.Cli.Progress;

/// <summary>What the terminal status shows: for any command, the wait in progress; for a bulk run, also a progress bar with an estimate.</summary>
internal static class StatusFrames
{
    private const int MaxBarWidth = 30;
    private const int MinBarWidth = 8;

    /// <summary>One line while a call waits longer than <see cref="WaitDescription.Threshold"/>, else nothing.</summary>
    public static Func<IReadOnlyList<string>> Waits(ApiActivity activity, RateLimitForecast forecast) =>
        () => WaitDescription.Describe(activity.Snapshot(), forecast) is { } wait ? [wait] : [];

    /// <summary>A progress line (done/total, percentage, estimate) and a line saying what is happening now.</summary>
    public static Func<IReadOnlyList<string>> Bulk(BulkProgress progress, StateChange change, bool dryRun, ApiActivity activity, RateLimitForecast forecast, Func<int> width) => () =>
    {
        var state = progress.Snapshot();
        var now = activity.Snapshot();
        var eta = EtaEstimate.Compute(state, now, forecast);
        var percent = state.Total == 0 ? 100 : state.Done * 100 / state.Total;
        var counts = string.Create(CultureInfo.InvariantCulture, $"{state.Done}/{state.Total}  {percent}%  ETA {(eta is { } time ? Durations.Format(time) : "…")}");
        var title = dryRun ? $"{change.Title} (dry run)" : change.Title;
        var barWidth = Math.Clamp(width() - 1 - title.Length - counts.Length - 4, MinBarWidth, MaxBarWidth);
        var filled = state.Total == 0 ? barWidth : state.Done * barWidth / state.Total;
        var bar = new string('━', filled) + new string('─', barWidth - filled);

        var activityLine = state.Stopping ? "stopping after the call in flight (Ctrl+C again quits at once)"
            : WaitDescription.Describe(now, forecast) ?? (state.Current is { } current ? $"{(dryRun ? "checking" : change.Progressive)} {current}" : string.Empty);
        return [$"{title}  {bar}  {counts}", activityLine];
    };
}
