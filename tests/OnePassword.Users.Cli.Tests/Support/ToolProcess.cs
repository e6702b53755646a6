using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OnePassword.Users.Cli.Tests.Support;

/// <summary>The built tool as a real process with piped output, so tests can send it real signals.</summary>
internal sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private ToolProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Append(_stdout, line.Data);
        _process.ErrorDataReceived += (_, line) => Append(_stderr, line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited => _process.WaitForExitAsync();

    public static ToolProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "op-users.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new ToolProcess(Process.Start(start)!);
    }

    /// <summary>Sends a POSIX signal with kill(1): SIGINT is what Ctrl+C sends, SIGTERM what service managers send, SIGKILL cannot be caught.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", signal, Id.ToString(CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync();
        kill.ExitCode.ShouldBe(0, $"kill -s {signal} {Id}");
    }

    /// <summary>Waits for the process to end and returns what it printed.</summary>
    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"op-users did not exit within {timeout}.\n--- stdout ---\n{Text(_stdout)}\n--- stderr ---\n{Text(_stderr)}");
        }

        // The exit event can come before the last output lines; the parameterless wait drains them.
        _process.WaitForExit();
        return new CliResult(_process.ExitCode, Text(_stdout), Text(_stderr));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
