namespace OnePassword.Users.Cli.Tests.Support;

/// <summary>Runs the tool in-process through its entry point with captured output and a made-up environment.</summary>
internal static class Tool
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    public static Task<CliResult> RunAsync(IDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, stdoutIsTerminal: false, args);

    public static async Task<CliResult> RunAsync(IDictionary<string, string?> environment, bool stdoutIsTerminal, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var exitCode = await CliApp.RunAsync(args, new CliConsole(stdout, stderr, stdoutIsTerminal), environment, timeout.Token);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
