namespace OnePassword.Users.Cli.Activity;

/// <summary>A consistent copy of <see cref="ApiActivity"/>'s state at one moment.</summary>
/// <param name="Now">The moment, on the activity's clock.</param>
/// <param name="InOperation">Whether the tool is waiting on the client.</param>
/// <param name="LastEventAt">The last thing seen (a send, an answer, a retry decision); quiet since then means waiting above the transport.</param>
/// <param name="OnWire">The request on the wire, the API call first; null when none is.</param>
/// <param name="Retry">The retry being waited for, if any.</param>
/// <param name="ApiSends">When recent API requests were sent, oldest first.</param>
/// <param name="AverageLatency">The mean time of recent API requests, or null before the first.</param>
internal sealed record ActivitySnapshot(
    TimeSpan Now, bool InOperation, TimeSpan LastEventAt, AttemptView? OnWire, RetryView? Retry, IReadOnlyList<TimeSpan> ApiSends, TimeSpan? AverageLatency);
