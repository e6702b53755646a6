using System.Diagnostics;
using System.Text;

namespace OnePassword.Users.Testing;

/// <summary>
/// Installs the npm packages that a folder's <c>package-lock.json</c> pins, the first time a test
/// needs them, so the README's test command works on a fresh clone with no set-up step first.
/// </summary>
/// <remarks>
/// Several test assemblies run at once under <c>dotnet test</c>, so the check and the install run
/// under a lock file beside the lock file: one process installs, the others wait and then find
/// the packages in place. <c>npm ci</c> writes <c>node_modules/.package-lock.json</c> last, so its
/// presence (newer than <c>package-lock.json</c>) means a complete install.
/// </remarks>
internal static class NodeTools
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim InProcess = new(1, 1);

    /// <summary>Makes sure the packages of <paramref name="packageDirectory"/> are installed.</summary>
    /// <param name="packageDirectory">A folder with <c>package.json</c> and <c>package-lock.json</c>.</param>
    /// <returns>The folder of the installed packages' commands (<c>node_modules/.bin</c>).</returns>
    /// <exception cref="InvalidOperationException">npm is missing or the install failed; the message holds npm's output.</exception>
    public static async Task<string> EnsureInstalledAsync(string packageDirectory)
    {
        var bin = Path.Combine(packageDirectory, "node_modules", ".bin");
        await InProcess.WaitAsync();
        try
        {
            using var fileLock = await AcquireFileLockAsync(Path.Combine(packageDirectory, ".npm-install.lock"));
            if (!IsInstalled(packageDirectory))
            {
                await RunNpmCiAsync(packageDirectory);
            }

            return bin;
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static bool IsInstalled(string packageDirectory)
    {
        var installed = new FileInfo(Path.Combine(packageDirectory, "node_modules", ".package-lock.json"));
        var pinned = new FileInfo(Path.Combine(packageDirectory, "package-lock.json"));
        return installed.Exists && installed.LastWriteTimeUtc >= pinned.LastWriteTimeUtc;
    }

    private static async Task<FileStream> AcquireFileLockAsync(string path)
    {
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another test process is installing; its packages will be there when it is done.
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    private static async Task RunNpmCiAsync(string packageDirectory)
    {
        var startInfo = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = packageDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"npm is not on PATH; the tests need Node.js 20+ to install the tools pinned in {packageDirectory}.", exception);
        }

        using (process)
        {
            process.OutputDataReceived += (_, line) => Append(output, line.Data);
            process.ErrorDataReceived += (_, line) => Append(output, line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = new CancellationTokenSource(InstallTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"npm ci in {packageDirectory} took longer than {InstallTimeout.TotalMinutes} minutes.\n{Text(output)}");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {packageDirectory} failed with exit code {process.ExitCode}.\n{Text(output)}");
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
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
