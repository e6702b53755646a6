using System.CommandLine;
using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Cli.Interruption;
using OnePassword.Users.Cli.Progress;

namespace OnePassword.Users.Cli.Commands;

/// <summary>What every command's action needs besides its parse result.</summary>
/// <param name="Console">Where to read and write.</param>
/// <param name="Environment">The environment variables.</param>
/// <param name="Connection">The connection flags.</param>
/// <param name="Stop">Ctrl+C and SIGTERM.</param>
/// <param name="Status">The live status lines on the terminal's stderr, or null when stderr is not a terminal.</param>
/// <param name="Tuning">The client's timing (tests shorten it).</param>
internal sealed record CommandContext(
    CliConsole Console, IDictionary<string, string?> Environment, ConnectionOptions Connection, StopSignal Stop, TerminalStatus? Status, ClientTuning Tuning)
{
    /// <summary>Connects as the flags, environment or <c>--emulator</c> say.</summary>
    public Task<ApiSession> OpenSessionAsync(ParseResult parseResult, CancellationToken cancellationToken) =>
        ApiSession.OpenAsync(parseResult, Connection, Environment, Console, Tuning, cancellationToken);

    /// <summary>A token for commands that only read: they stop at once when asked to, since nothing is left half done.</summary>
    public CancellationTokenSource StopAtOnce(CancellationToken cancellationToken) =>
        CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Stop.Token);

    /// <summary>Shows a line on the terminal while a call waits longer than a moment, until disposed; nothing when stderr is not a terminal.</summary>
    public IDisposable ShowWaits(ApiSession session) =>
        Status?.Show(StatusFrames.Waits(session.Activity, session.Forecast)) ?? NoStatus.Instance;

    private sealed class NoStatus : IDisposable
    {
        public static readonly NoStatus Instance = new();

        public void Dispose()
        {
        }
    }
}
