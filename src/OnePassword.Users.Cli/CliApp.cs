using System.CommandLine;
using System.CommandLine.Invocation;
using OnePassword.Users.Cli.Commands;
using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Cli.Interruption;
using OnePassword.Users.Cli.Progress;

namespace OnePassword.Users.Cli;

/// <summary>
/// The whole tool behind one call, with the console, environment and stop signal passed in, so
/// tests run it in-process with captured output, a made-up environment and their own "Ctrl+C";
/// <c>Program</c> passes the real ones.
/// </summary>
internal static class CliApp
{
    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="console">Where to read and write.</param>
    /// <param name="environment">The environment variables.</param>
    /// <param name="stop">Ctrl+C and SIGTERM.</param>
    /// <param name="tuning">The client's timing; <see cref="ClientTuning.Default"/> outside tests.</param>
    /// <param name="cancellationToken">Ends everything at once, calls in flight included.</param>
    public static async Task<int> RunAsync(
        string[] args, CliConsole console, IDictionary<string, string?> environment, StopSignal stop, ClientTuning tuning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(environment);

        // With stderr on a terminal, every write goes above the live status lines.
        if (!console.StderrIsTerminal)
        {
            return await RunCommandAsync(args, console, environment, stop, status: null, tuning, cancellationToken).ConfigureAwait(false);
        }

        var status = new TerminalStatus(console.Error, console.Width);
        await using (status.ConfigureAwait(false))
        {
            console = console with { Out = console.StdoutIsTerminal ? status.Wrap(console.Out) : console.Out, Error = status.Wrap(console.Error) };
            return await RunCommandAsync(args, console, environment, stop, status, tuning, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> RunCommandAsync(
        string[] args, CliConsole console, IDictionary<string, string?> environment, StopSignal stop, TerminalStatus? status, ClientTuning tuning, CancellationToken cancellationToken)
    {
        var connection = new ConnectionOptions();
        var parseResult = RootCommandFactory.Create(new CommandContext(console, environment, connection, stop, status, tuning)).Parse(args);

        // System.CommandLine exits 1 on parse errors; this tool reserves 1 for failed bulk operations.
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await console.Error.WriteLineAsync($"op-users: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'op-users --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,

            // Program owns Ctrl+C and SIGTERM; the library's handler would hook the process console even under tests.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var secrets = new[] { parseResult.GetValue(connection.ClientSecret), environment.TryGetValue(EnvironmentVariables.ClientSecret, out var secret) ? secret : null };
            return await ErrorReporter.ReportAsync(exception, console.Error, secrets.OfType<string>(), stop, cancellationToken).ConfigureAwait(false);
        }
    }
}
