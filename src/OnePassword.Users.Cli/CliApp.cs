using System.CommandLine;
using System.CommandLine.Invocation;
using OnePassword.Users.Cli.Commands;
using OnePassword.Users.Cli.Connection;

namespace OnePassword.Users.Cli;

/// <summary>
/// The whole tool behind one call, with the console and environment passed in, so tests run it
/// in-process with captured output and a made-up environment; <c>Program</c> passes the real ones.
/// </summary>
internal static class CliApp
{
    /// <summary>Runs the tool with stdout treated as a pipe (plain text, no progress bars).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IDictionary<string, string?> environment, CancellationToken cancellationToken) =>
        RunAsync(args, new CliConsole(stdout, stderr, StdoutIsTerminal: false), environment, cancellationToken);

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, IDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(environment);

        var connection = new ConnectionOptions();
        var parseResult = RootCommandFactory.Create(new CommandContext(console, environment, connection)).Parse(args);

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

            // Program owns Ctrl+C; the library's handler would hook the process console even under tests.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var secrets = new[] { parseResult.GetValue(connection.ClientSecret), environment.TryGetValue(EnvironmentVariables.ClientSecret, out var secret) ? secret : null };
            return await ErrorReporter.ReportAsync(exception, console.Error, secrets.OfType<string>(), cancellationToken).ConfigureAwait(false);
        }
    }
}
