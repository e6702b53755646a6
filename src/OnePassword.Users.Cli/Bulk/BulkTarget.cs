namespace OnePassword.Users.Cli.Bulk;

/// <summary>One user a bulk command should change, as given on the command line or in a CSV row.</summary>
/// <param name="Source">Where it came from, for messages: <c>argument 2</c> or <c>users.csv line 7</c>.</param>
/// <param name="Value">The id or email as written.</param>
/// <param name="Kind">Whether <paramref name="Value"/> is an id or an email.</param>
/// <param name="Problem">Why the row cannot be used, or null; such a target is reported as failed and the rest continue.</param>
internal sealed record BulkTarget(string Source, string Value, TargetKind Kind, string? Problem = null)
{
    /// <summary>A command-line value: an email when it has an <c>@</c> (user ids never do), otherwise an id.</summary>
    public static BulkTarget FromArgument(int position, string value) =>
        new($"argument {position}", value.Trim(), value.Contains('@', StringComparison.Ordinal) ? TargetKind.Email : TargetKind.Id);
}
