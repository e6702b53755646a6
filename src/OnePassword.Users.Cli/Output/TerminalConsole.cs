using Spectre.Console;

namespace OnePassword.Users.Cli.Output;

/// <summary>Builds the Spectre.Console console over the tool's stdout rather than the process console, so tests can capture it.</summary>
internal static class TerminalConsole
{
    public static IAnsiConsole Create(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(output),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
    });
}
