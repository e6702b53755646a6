namespace OnePassword.Users.Cli.Bulk;

/// <summary>What a bulk run is about: recorded at the top of its journal and checked when it is resumed.</summary>
/// <param name="Change">Suspend or reactivate.</param>
/// <param name="DryRun">Whether nothing is changed.</param>
/// <param name="AccountId">The account whose users are changed.</param>
/// <param name="BaseUrl">The API it talks to.</param>
/// <param name="Targets">Every target, in order; a target's index is its position from 1.</param>
/// <param name="Resumed">Whether this run continues an earlier one's journal.</param>
/// <param name="Started">When the run started.</param>
internal sealed record BulkRun(StateChange Change, bool DryRun, string AccountId, string BaseUrl, IReadOnlyList<BulkTarget> Targets, bool Resumed, DateTimeOffset Started);
