namespace OnePassword.Users.Cli;

/// <summary>Where the tool writes, and whether a person is watching stdout.</summary>
/// <param name="Out">Results: tables, JSON, CSV, summaries.</param>
/// <param name="Error">Errors and per-user failures, so piping stdout keeps only results.</param>
/// <param name="StdoutIsTerminal">True when stdout is a terminal: rich tables and progress bars instead of plain aligned text.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool StdoutIsTerminal);
