using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security;

namespace OnePassword.Users.Package.Tests.Support;

/// <summary>
/// Packs the packable projects of this checkout once per test run into a local folder feed,
/// with a version no earlier run used, and prepares a folder outside the repository where
/// consumer projects restore from that feed and nothing of the repository's build setup.
/// </summary>
public sealed class PackageFeedFixture : IAsyncLifetime
{
    /// <summary>The projects whose packages partners use, in the order they are listed in the pack solution.</summary>
    public static readonly string[] PackedProjects =
    [
        "generator/OnePassword.Users.Generator/OnePassword.Users.Generator.csproj",
        "src/OnePassword.Users.Runtime/OnePassword.Users.Runtime.csproj",
        "src/OnePassword.Users/OnePassword.Users.csproj",
        "src/OnePassword.Users.Hosting/OnePassword.Users.Hosting.csproj",
        "src/OnePassword.Users.Redis/OnePassword.Users.Redis.csproj",
        "src/OnePassword.Users.Emulator/OnePassword.Users.Emulator.csproj",
        "src/OnePassword.Users.Cli/OnePassword.Users.Cli.csproj",
    ];

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMinutes(1);
    private int _consumerCount;

    public PackageFeedFixture()
    {
        RepoRoot = typeof(PackageFeedFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepoRoot").Value!;
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var processId = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        // A version no earlier run produced, so no cache anywhere can hold a stale package of it.
        Version = $"0.1.0-test.{stamp}.{processId}";
        Root = Path.Combine(Path.GetTempPath(), "onepassword-users-package-tests", $"{stamp}-{processId}");
        FeedDirectory = Path.Combine(Root, "feed");
        ConsumersDirectory = Path.Combine(Root, "consumers");
        PackagesDirectory = Path.Combine(Root, "packages");
    }

    public string RepoRoot { get; }

    public string Version { get; }

    public string Root { get; }

    /// <summary>The local folder feed with the packed .nupkg and .snupkg files.</summary>
    public string FeedDirectory { get; }

    /// <summary>Consumers live here, next to their own nuget.config and Directory.*.props stubs.</summary>
    public string ConsumersDirectory { get; }

    /// <summary>The consumers' private NuGet global packages folder (NUGET_PACKAGES), new every run.</summary>
    public string PackagesDirectory { get; }

    public ProcessResult Pack { get; private set; } = null!;

    /// <summary>Environment for every consumer build and run.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory };

    public async Task InitializeAsync()
    {
        RemoveEarlierRuns();
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(ConsumersDirectory);

        var solution = Path.Combine(Root, "pack.slnx");
        await File.WriteAllTextAsync(solution,
            "<Solution>\n"
            + string.Concat(PackedProjects.Select(p => $"  <Project Path=\"{SecurityElement.Escape(Path.Combine(RepoRoot, p))}\" />\n"))
            + "</Solution>\n").ConfigureAwait(false);

        // Built into a private artifacts folder: the repository's bin/ and obj/ are not touched,
        // so builds running in the checkout at the same time see nothing of this. Run from the
        // checkout so that its global.json picks the SDK.
        Pack = await DotNet.RunAsync(RepoRoot,
            ["pack", solution, "-c", "Release", "-o", FeedDirectory, "--artifacts-path", Path.Combine(Root, "artifacts"),
             $"-p:Version={Version}", "-p:ContinuousIntegrationBuild=true", "-nodeReuse:false", "-tl:off", "-clp:Summary"],
            PackTimeout).ConfigureAwait(false);
        if (Pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed.\n" + Pack);
        }

        await WriteConsumerSetupAsync().ConfigureAwait(false);
    }

    public Task DisposeAsync()
    {
        // Set ONEPASSWORD_USERS_KEEP_PACKAGE_TESTS=1 to look at the feed and consumers after a run.
        if (Environment.GetEnvironmentVariable("ONEPASSWORD_USERS_KEEP_PACKAGE_TESTS") != "1")
        {
            TryDelete(Root);
        }

        return Task.CompletedTask;
    }

    /// <summary>The path of a packed package in the feed.</summary>
    public string PackagePath(string id, string extension = "nupkg") => Path.Combine(FeedDirectory, $"{id}.{Version}.{extension}");

    /// <summary>Copies the consumer template <paramref name="template"/> (from Consumers/) to a fresh folder.</summary>
    public string CreateConsumer(string template)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Consumers", template);
        var target = Path.Combine(ConsumersDirectory, $"{template}{Interlocked.Increment(ref _consumerCount)}");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    /// <summary>Copies a file of this checkout (a spec) into a consumer.</summary>
    public void CopyFromRepo(string repoRelativePath, string consumer, string consumerRelativePath)
    {
        var destination = Path.Combine(consumer, consumerRelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(Path.Combine(RepoRoot, repoRelativePath), destination, overwrite: true);
    }

    /// <summary><c>dotnet build</c> of a consumer: restore from the feed, then compile.</summary>
    public Task<ProcessResult> BuildAsync(string consumer) =>
        DotNet.RunAsync(consumer, ["build", "-nodeReuse:false", "-tl:off", "-clp:Summary"], TimeSpan.FromMinutes(3), ConsumerEnvironment);

    /// <summary>Runs a consumer that <see cref="BuildAsync"/> built.</summary>
    public Task<ProcessResult> RunAsync(string consumer, string assemblyName) =>
        DotNet.RunAsync(consumer, [Path.Combine(consumer, "bin", "Debug", "net10.0", assemblyName + ".dll")], TimeSpan.FromMinutes(1), ConsumerEnvironment);

    private async Task WriteConsumerSetupAsync()
    {
        var sources = await EnabledSourcesAsync().ConfigureAwait(false);
        var machinePackages = await MachinePackagesFolderAsync().ConfigureAwait(false);

        // Only the feed and the sources this machine already uses. OnePassword.* may come from the
        // feed alone, so a package of the same name on a public source can never stand in for it.
        // The machine's packages folder is a read-only fallback: third-party packages need no
        // download, while the feed's packages land in the run's own, empty packages folder.
        var config = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local-feed" value="{SecurityElement.Escape(FeedDirectory)}" />
            {string.Concat(sources.Select((url, i) => $"    <add key=\"source{i}\" value=\"{SecurityElement.Escape(url)}\" />\n"))}  </packageSources>
              <packageSourceMapping>
                <packageSource key="local-feed">
                  <package pattern="OnePassword.*" />
                </packageSource>
            {string.Concat(sources.Select((_, i) => $"    <packageSource key=\"source{i}\">\n      <package pattern=\"*\" />\n    </packageSource>\n"))}  </packageSourceMapping>
              <fallbackPackageFolders>
                <clear />
                {(machinePackages is null ? string.Empty : $"<add key=\"machine\" value=\"{SecurityElement.Escape(machinePackages)}\" />")}
              </fallbackPackageFolders>
            </configuration>
            """;
        await File.WriteAllTextAsync(Path.Combine(ConsumersDirectory, "nuget.config"), config).ConfigureAwait(false);

        // Stubs that end MSBuild's search upwards, so no Directory.*.props of a parent folder applies.
        await File.WriteAllTextAsync(Path.Combine(ConsumersDirectory, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <OnePasswordUsersVersion>{Version}</OnePasswordUsersVersion>
                <!-- This machine's package mirror serves newer patches of some dependencies than nuget.org's lowest match (as in the repository). -->
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
            </Project>
            """).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(ConsumersDirectory, "Directory.Build.targets"), "<Project />\n").ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(ConsumersDirectory, "Directory.Packages.props"), """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """).ConfigureAwait(false);
    }

    /// <summary>The package sources the repository restores from (the mirror here, nuget.org elsewhere).</summary>
    private async Task<IReadOnlyList<string>> EnabledSourcesAsync()
    {
        var result = await DotNet.RunAsync(RepoRoot, ["nuget", "list", "source", "--format", "short"], QueryTimeout).ConfigureAwait(false);
        var sources = result.StandardOutput.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .ToList();
        return result.ExitCode == 0 && sources.Count > 0 ? sources : throw new InvalidOperationException("No enabled package source.\n" + result);
    }

    private async Task<string?> MachinePackagesFolderAsync()
    {
        var result = await DotNet.RunAsync(RepoRoot, ["nuget", "locals", "global-packages", "--list"], QueryTimeout).ConfigureAwait(false);
        const string Prefix = "global-packages:";
        var line = result.StandardOutput.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        var folder = line?[Prefix.Length..].Trim();
        return folder is { Length: > 0 } && Directory.Exists(folder) ? folder : null;
    }

    /// <summary>Runs that crashed leave their folders behind; clear those older than a day.</summary>
    private void RemoveEarlierRuns()
    {
        var parent = Path.GetDirectoryName(Root)!;
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var directory in Directory.EnumerateDirectories(parent).Where(d => Directory.GetLastWriteTimeUtc(d) < DateTime.UtcNow.AddDays(-1)))
        {
            TryDelete(directory);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Trace.WriteLine($"Could not delete {directory}: {exception.Message}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageFeedGroup : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "Packed feed";
}
