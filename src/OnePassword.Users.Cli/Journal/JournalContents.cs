using OnePassword.Users.Cli.Bulk;

namespace OnePassword.Users.Cli.Journal;

/// <summary>What a journal says about its run, for resuming it.</summary>
/// <param name="Action">The command: <c>suspend</c> or <c>reactivate</c>.</param>
/// <param name="DryRun">Whether the run changed nothing.</param>
/// <param name="AccountId">The account.</param>
/// <param name="BaseUrl">The API it talked to.</param>
/// <param name="Targets">Every target, in order.</param>
internal sealed record JournalContents(string Action, bool DryRun, string AccountId, string BaseUrl, IReadOnlyList<BulkTarget> Targets)
{
    /// <summary>Indexes of targets already in the target state.</summary>
    public IReadOnlySet<int> Done { get; init; } = new HashSet<int>();

    /// <summary>Indexes of targets whose state-changing call was sent and never got an outcome: checked again on resume.</summary>
    public IReadOnlyList<int> Unfinished { get; init; } = [];

    /// <summary>Whether the last line was cut off mid-write (the tool was killed while writing it) and was ignored.</summary>
    public bool TornLastLine { get; init; }
}
