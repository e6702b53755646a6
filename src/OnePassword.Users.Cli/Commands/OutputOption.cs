using System.CommandLine;
using OnePassword.Users.Cli.Output;

namespace OnePassword.Users.Cli.Commands;

/// <summary>The <c>--output</c> flag (alias <c>--format</c>, as in 1Password's <c>op</c>) of the commands that print users or outcomes.</summary>
internal static class OutputOption
{
    private static readonly Dictionary<string, OutputFormat> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["table"] = OutputFormat.Table,
        ["json"] = OutputFormat.Json,
        ["csv"] = OutputFormat.Csv,
    };

    public static Option<OutputFormat> Create(string description) =>
        Choices.Create("--output", ["-o", "--format"], Formats, OutputFormat.Table, description);

    /// <summary>What <c>--output</c> means for commands that print users.</summary>
    public const string UsersDescription =
        "table: a table sized to the terminal (key: value blocks when it is too narrow), aligned text when piped; "
        + "json: the API's user objects (a list is one array, get writes one object per line); "
        + "csv: RFC 4180 with a header, readable by --from-csv (" + FormulaGuard.HelpText + "). "
        + "Columns are always id, email, display_name, state, create_time";
}
