namespace OnePassword.Users.Cli.Bulk;

/// <summary>How a bulk run behaves.</summary>
/// <param name="DryRun">Look users up and report what would change, without changing anything.</param>
/// <param name="MaxOutagesInARow">Network or server failures in a row after which the run stops.</param>
internal sealed record BulkRunOptions(bool DryRun, int MaxOutagesInARow)
{
    public const int DefaultMaxOutagesInARow = 5;
}
