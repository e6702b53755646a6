using System.CommandLine;
using OnePassword.Users.Cli.Output;

namespace OnePassword.Users.Cli.Commands;

/// <summary>The <c>--output</c> flag of the commands that print users.</summary>
internal static class OutputOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "table (a table in a terminal, aligned text when piped), json (the API's user objects) or csv (RFC 4180, readable by --from-csv)",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "json", "csv");
        return option;
    }

    public static OutputFormat Read(ParseResult parseResult, Option<string> option) => parseResult.GetValue(option) switch
    {
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        _ => OutputFormat.Table,
    };
}
