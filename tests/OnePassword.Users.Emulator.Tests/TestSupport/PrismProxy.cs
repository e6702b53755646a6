using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using OnePassword.Users.Testing;

namespace OnePassword.Users.Emulator.Tests.TestSupport;

/// <summary>
/// Runs Stoplight Prism as a validating proxy in front of an upstream server. With <c>--errors</c>,
/// Prism replaces any response that breaks the OpenAPI document with a 500
/// <c>application/problem+json</c> of type <c>#VIOLATIONS</c> and lists the violations in an
/// <c>sl-violations</c> header. Request validation is off because the error-case tests send
/// invalid requests on purpose; only the upstream's responses are judged.
/// </summary>
internal sealed class PrismProxy : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(40);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private PrismProxy(Process process, StringBuilder output, Uri baseUrl)
    {
        _process = process;
        _output = output;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<PrismProxy> StartAsync(string specPath, Uri upstream)
    {
        // Prism is pinned in .ci/tools; the first test that needs it installs it.
        var bin = await NodeTools.EnsureInstalledAsync(Path.Combine(RepositoryRoot.Find(), ".ci", "tools"));
        var prism = Path.Combine(bin, OperatingSystem.IsWindows() ? "prism.cmd" : "prism");

        var port = FreePort();
        var startInfo = new ProcessStartInfo(prism)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "proxy", specPath, upstream.GetLeftPart(UriPartial.Authority), "--errors", "--validate-request", "false",
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host", "127.0.0.1",
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        void Collect(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data.Contains("Prism is listening", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Prism exited before it was listening."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var proxy = new PrismProxy(process, output, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await listening.Task.WaitAsync(StartTimeout);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            var log = proxy.Output;
            await proxy.DisposeAsync();
            throw new InvalidOperationException($"Prism did not start: {exception.Message}\n{log}", exception);
        }

        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
