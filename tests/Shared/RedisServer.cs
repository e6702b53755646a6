using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OnePassword.Users.Testing;

/// <summary>
/// A real <c>redis-server</c> on 127.0.0.1, started for a test and stopped with it, with no
/// persistence. When the machine has no <c>redis-server</c>, the first test that needs one installs
/// Debian's package (as root, with apt-get), so the README's test command needs no set-up step.
/// Tests can stop it and start it again on the same port, as an outage does.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly string _executable;
    private Process? _process;

    private RedisServer(string executable, int port)
    {
        _executable = executable;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server, with short timeouts.</summary>
    public string Configuration => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},abortConnect=false,connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000,connectRetry=1";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<RedisServer> StartAsync()
    {
        string executable = await EnsureInstalledAsync();
        var server = new RedisServer(executable, FreePort());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Starts the server (again) on its port.</summary>
    public async Task StartAgainAsync()
    {
        var startInfo = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--dir", Path.GetTempPath() })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("redis-server exited before it was ready:\n" + output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await ready.Task.WaitAsync(StartTimeout);
    }

    /// <summary>Kills the server at once, as a crash or a lost node does; clients see connections refused.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task<string> EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (Find() is { } installed)
            {
                return installed;
            }

            if (!File.Exists("/usr/bin/apt-get") || !string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("redis-server is not installed, and it can only be installed here as root with apt-get: install Debian's redis-server package.");
            }

            // Another test process may be installing at the same time: apt-get waits for its lock.
            string log = await AptGetAsync("install", "-y", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=300", "redis-server");
            if (Find() is null)
            {
                log += await AptGetAsync("update");
                log += await AptGetAsync("install", "-y", "--no-install-recommends", "-o", "DPkg::Lock::Timeout=300", "redis-server");
            }

            return Find() ?? throw new InvalidOperationException("apt-get did not install redis-server:\n" + log);
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static string? Find() =>
        new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);

    private static async Task<string> AptGetAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("/usr/bin/apt-get")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(startInfo)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return await stdout + await stderr;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
