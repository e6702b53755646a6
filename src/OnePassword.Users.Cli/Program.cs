using OnePassword.Users.Cli;

// The process entry only binds the real console, environment and Ctrl+C; everything else lives in
// CliApp so tests can drive the tool in-process.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the work so the client is disposed (and its token revoked); a second one kills the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    environment[(string)entry.Key] = entry.Value as string;
}

var console = new CliConsole(Console.Out, Console.Error, StdoutIsTerminal: !Console.IsOutputRedirected);
return await CliApp.RunAsync(args, console, environment, cancellation.Token).ConfigureAwait(false);
