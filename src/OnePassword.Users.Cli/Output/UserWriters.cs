namespace OnePassword.Users.Cli.Output;

/// <summary>Chooses the writer for a format and for whether stdout is a terminal.</summary>
internal static class UserWriters
{
    public static IUserWriter Create(OutputFormat format, CliConsole console, bool list) => format switch
    {
        OutputFormat.Json => new JsonUserWriter(console.Out, asArray: list),
        OutputFormat.Csv => new CsvUserWriter(console.Out),
        _ when console.StdoutIsTerminal => new TerminalUserWriter(TerminalConsole.Create(console.Out), console.Out, console.Width()),
        _ => new PlainUserWriter(console.Out),
    };
}
