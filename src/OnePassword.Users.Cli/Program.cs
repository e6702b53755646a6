using System.Runtime.InteropServices;
using OnePassword.Users.Cli;
using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Cli.Interruption;

// The process entry only binds the real console, environment and signals; everything else lives
// in CliApp so tests can drive the tool in-process.
using var stop = new StopSignal();

// The first Ctrl+C or SIGTERM asks the command to stop (a bulk run finishes the call in flight,
// reports and revokes its token); a second one is left to the default action, which ends the process.
void OnSignal(PosixSignalContext signal)
{
    signal.Cancel = stop.Request(signal.Signal == PosixSignal.SIGTERM ? StopReason.Terminate : StopReason.Interrupt);
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = entry.Value as string;
}

// A terminal that cannot move the cursor gets plain lines and no live display.
var ansi = !(environment.TryGetValue("TERM", out var term) && term == "dumb");
var console = new CliConsole(Console.Out, Console.Error)
{
    In = Console.In,
    StdoutIsTerminal = !Console.IsOutputRedirected,
    StderrIsTerminal = !Console.IsErrorRedirected && ansi,
    Width = TerminalWidth,
};
return await CliApp.RunAsync(args, console, environment, stop, ClientTuning.Default, CancellationToken.None).ConfigureAwait(false);

static int TerminalWidth()
{
    try
    {
        return Console.WindowWidth > 0 ? Console.WindowWidth : CliConsole.DefaultWidth;
    }
    catch (IOException)
    {
        return CliConsole.DefaultWidth;
    }
}
