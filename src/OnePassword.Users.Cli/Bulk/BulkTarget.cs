namespace OnePassword.Users.Cli.Bulk;

/// <summary>One user a command should act on, as given on the command line, on stdin or in a CSV row.</summary>
/// <param name="Source">Where it came from, for messages: <c>argument 2</c>, <c>users.csv line 7</c>, <c>stdin line 3</c>.</param>
/// <param name="Value">The id or email as written.</param>
/// <param name="Kind">Whether <paramref name="Value"/> is an id or an email.</param>
/// <param name="Problem">Why the target cannot be used, or null; such a target is reported as failed and the rest continue.</param>
internal sealed record BulkTarget(string Source, string Value, TargetKind Kind, string? Problem = null)
{
    /// <summary>A value that is an email when it has an <c>@</c> (user ids never do), otherwise an id.</summary>
    public static BulkTarget Of(string source, string value)
    {
        var trimmed = value.Trim();
        return new BulkTarget(
            source,
            trimmed,
            trimmed.Contains('@', StringComparison.Ordinal) ? TargetKind.Email : TargetKind.Id,
            trimmed.Length == 0 ? "the value is empty" : null);
    }
}
