namespace OnePassword.Users.Emulator.Tests.TestSupport;

/// <summary>Finds the repository root: the nearest folder above the test binaries that holds Generated.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Generated.sln; the tests must run inside the repository.");
    }
}
