namespace OnePassword.Users.Cli;

/// <summary>Where the tool reads and writes, and whether a person is watching.</summary>
/// <param name="Out">Results: tables, JSON, CSV, outcome lines and summaries.</param>
/// <param name="Error">Errors, per-user failures and progress, so piping stdout keeps only results.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>The width assumed when the terminal does not say: the classic terminal's.</summary>
    public const int DefaultWidth = 80;

    /// <summary>Where <c>-</c> reads targets from.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    /// <summary>True when stdout is a terminal: tables sized to <see cref="Width"/> instead of aligned text.</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>True when stderr is a terminal: a live progress display and notes about slow calls.</summary>
    public bool StderrIsTerminal { get; init; }

    /// <summary>The terminal's width in columns now; asked again before each redraw, so a resized window is followed.</summary>
    public Func<int> Width { get; init; } = () => DefaultWidth;
}
