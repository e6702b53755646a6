using System.Diagnostics;
using System.Text;

namespace OnePassword.Users.Package.Tests.Support;

/// <summary>What a finished process printed, with its exit code; <see cref="ToString"/> is the whole story for assertion messages.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"""
        > {CommandLine}
        exit code {ExitCode} after {Elapsed.TotalSeconds:F1} s
        --- stdout ---
        {StandardOutput}
        --- stderr ---
        {StandardError}
        """;
}

/// <summary>Runs the .NET CLI (and programs it built) as child processes with a time limit.</summary>
public static class DotNet
{
    /// <summary>The muxer that runs these tests, so children use the same SDK install.</summary>
    public static string Executable { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>.</summary>
    public static Task<ProcessResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null) =>
        RunProcessAsync(Executable, workingDirectory, arguments, timeout, environment);

    /// <summary>Runs any program; the process tree is killed when <paramref name="timeout"/> passes.</summary>
    public static async Task<ProcessResult> RunProcessAsync(string fileName, string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        PrepareEnvironment(startInfo.Environment, environment);
        var commandLine = fileName + " " + string.Join(' ', startInfo.ArgumentList);

        var output = new StringBuilder();
        var error = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds:F0} s.\n" + new ProcessResult(commandLine, -1, Read(output), Read(error), stopwatch.Elapsed));
        }

        // The parameterless wait also drains the redirected streams.
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        return new ProcessResult(commandLine, process.ExitCode, Read(output), Read(error), stopwatch.Elapsed);
    }

    /// <summary>
    /// A child build must not inherit the MSBuild settings of the test host (it may run inside
    /// <c>dotnet test</c>), must not leave build servers behind, and prints in English.
    /// </summary>
    private static void PrepareEnvironment(IDictionary<string, string?> target, IReadOnlyDictionary<string, string>? extra)
    {
        foreach (var key in target.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            target.Remove(key);
        }

        target["MSBUILDDISABLENODEREUSE"] = "1";
        target["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        target["DOTNET_NOLOGO"] = "1";
        target["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        target["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            target[key] = value;
        }
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
