namespace OnePassword.Users.Cli.Progress;

/// <summary>A consistent copy of <see cref="BulkProgress"/>.</summary>
/// <param name="Done">Targets with an outcome.</param>
/// <param name="Total">All targets.</param>
/// <param name="Current">The target being worked on, if any.</param>
/// <param name="RemainingCalls">API calls the remaining targets are expected to need.</param>
/// <param name="Pace">The median time per target over recent targets that did work, or null before the first.</param>
/// <param name="Stopping">A stop was requested.</param>
internal sealed record BulkProgressSnapshot(int Done, int Total, string? Current, int RemainingCalls, TimeSpan? Pace, bool Stopping);
