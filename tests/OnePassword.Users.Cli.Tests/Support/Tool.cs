using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Cli.Interruption;

namespace OnePassword.Users.Cli.Tests.Support;

/// <summary>
/// Runs the tool in-process through its entry point with captured output, a made-up environment
/// and its own stop signal. Journals go to a folder of their own unless the test says otherwise.
/// </summary>
internal static class Tool
{
    /// <summary>
    /// Where journals go when a test does not choose: not the user's real state folder. A folder
    /// of this run's own (test runs in other checkouts may be going on at the same time); those
    /// of runs more than a day old are removed, so journals do not pile up in the temp folder.
    /// </summary>
    public static readonly string StateHome = FreshStateHome();

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    public static Task<CliResult> RunAsync(IDictionary<string, string?> environment, params string[] args) =>
        RunAsync(new ToolRun(environment), args);

    public static async Task<CliResult> RunAsync(ToolRun run, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = run.SharedScreen ? null : new StringWriter();
        using var timeout = new CancellationTokenSource(run.Timeout);
        var environment = new Dictionary<string, string?>(run.Environment);
        environment.TryAdd("XDG_STATE_HOME", StateHome);
        var console = new CliConsole(stdout, stderr ?? stdout)
        {
            In = new StringReader(run.Stdin ?? string.Empty),
            StdoutIsTerminal = run.StdoutIsTerminal,
            StderrIsTerminal = run.StderrIsTerminal,
            Width = () => run.Width,
        };
        var exitCode = await CliApp.RunAsync(args, console, environment, run.Stop ?? new StopSignal(), run.Tuning ?? ClientTuning.Default, timeout.Token);
        return new CliResult(exitCode, stdout.ToString(), stderr?.ToString() ?? string.Empty);
    }

    private static string FreshStateHome()
    {
        const string prefix = "op-users-cli-tests-state-";
        foreach (var stale in new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories(prefix + "*").Where(folder => folder.LastWriteTimeUtc < DateTime.UtcNow.AddDays(-1)))
        {
            try
            {
                stale.Delete(recursive: true);
            }
            catch (IOException)
            {
                // In use or already gone: it is someone else's, or will be removed next time.
            }
        }

        return Directory.CreateTempSubdirectory(prefix).FullName;
    }
}
