namespace OnePassword.Users.Cli.Bulk;

/// <summary>The names outcomes and failures have in JSON, CSV and the journal: snake_case, stable, part of the tool's contract.</summary>
internal static class OutcomeNames
{
    public static string Of(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Changed => "changed",
        OutcomeKind.AlreadyInState => "already_in_state",
        OutcomeKind.WouldChange => "would_change",
        OutcomeKind.Duplicate => "duplicate",
        OutcomeKind.DoneEarlier => "done_earlier",
        OutcomeKind.Failed => "failed",
        OutcomeKind.Interrupted => "interrupted",
        OutcomeKind.NotAttempted => "not_attempted",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static OutcomeKind? Parse(string? name) =>
        Enum.GetValues<OutcomeKind>().Cast<OutcomeKind?>().FirstOrDefault(kind => Of(kind!.Value) == name);

    public static string? Of(FailureKind kind) => kind switch
    {
        FailureKind.None => null,
        FailureKind.InvalidTarget => "invalid_target",
        FailureKind.NotFound => "not_found",
        FailureKind.Refused => "refused",
        FailureKind.ApiError => "api_error",
        FailureKind.Network => "network",
        FailureKind.Authentication => "authentication",
        FailureKind.Unexpected => "unexpected",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
