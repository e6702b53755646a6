using OnePassword.Users.Cli.Bulk;
using OnePassword.Users.Cli.Output;

namespace OnePassword.Users.Cli.Commands;

/// <summary>A bulk command as the command line gave it.</summary>
internal sealed record BulkRequest(
    StateChange Change,
    IReadOnlyList<string> Users,
    string? FromCsv,
    bool DryRun,
    OutputFormat Format,
    string? Journal,
    string? Resume,
    int MaxNetworkFailures);
