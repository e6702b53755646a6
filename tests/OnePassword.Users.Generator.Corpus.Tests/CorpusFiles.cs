using OnePassword.Users.Emulator.Tests.TestSupport;
using OnePassword.Users.Testing;

namespace OnePassword.Users.Generator.Corpus.Tests;

/// <summary>Installs the npm packages of Registry/ once per test run, and reads corpus spec files.</summary>
public sealed class CorpusFiles : IAsyncLifetime
{
    private static string Project => Path.Combine(RepositoryRoot.Find(), "tests", "OnePassword.Users.Generator.Corpus.Tests");

    public static string Registry => Path.Combine(Project, "Registry");

    public Task InitializeAsync() => NodeTools.EnsureInstalledAsync(Registry);

    public Task DisposeAsync() => Task.CompletedTask;

    public static string PathOf(CorpusSpec spec) => spec.FromRegistry
        ? Path.Combine(Registry, "node_modules", spec.RelativePath)
        : Path.Combine(AppContext.BaseDirectory, "Specs", spec.RelativePath);
}
