using System.Text.Json;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Cli.Tests.Support;

/// <summary>
/// An emulator of its own for one test of a long bulk run: the demo account (2 owners, 10 admins,
/// every tenth member suspended) with a known secret and reproducible fault injection, plus a
/// folder for the test's CSV files and journals.
/// </summary>
internal sealed class DemoEmulator : IAsyncDisposable
{
    public const string Secret = "DemoSecret-5b2e-NOT-FOR-OUTPUT";

    private DemoEmulator(UsersApiEmulator emulator, string directory)
    {
        Emulator = emulator;
        Directory = directory;
    }

    public UsersApiEmulator Emulator { get; }

    public string Directory { get; }

    public string Account => Emulator.DefaultAccountId;

    public string[] ConnectionArgs =>
        ["--base-url", Emulator.BaseUrl.ToString(), "--client-id", Emulator.DefaultClient.ClientId, "--client-secret", Secret, "--account", Account];

    public IReadOnlyList<EmulatorUser> Users => Emulator.State.ListUsers(Account);

    public static async Task<DemoEmulator> StartAsync(int users, bool rateLimited = false)
    {
        var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            Seed = EmulatorSeed.Demo(EmulatorOptions.DemoAccountId, users),
            DefaultClientSecret = Secret,
            RandomSeed = 16,
            RateLimitingEnabled = rateLimited,
        });
        return new DemoEmulator(emulator, System.IO.Directory.CreateTempSubdirectory("op-users-bulk-tests-").FullName);
    }

    /// <summary>Writes the ids of <paramref name="users"/> as a one-column CSV file and returns its path.</summary>
    public string WriteIds(string name, IEnumerable<EmulatorUser> users)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, "id\n" + string.Concat(users.Select(user => user.Id + "\n")));
        return path;
    }

    public UserState StateOf(string id) => Emulator.State.GetUser(Account, id)!.State;

    /// <summary>The journal's lines of one type, parsed.</summary>
    public static List<JsonElement> JournalLines(string path, string type) =>
        [.. File.ReadAllLines(path).Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement).Where(line => line.GetProperty("type").GetString() == type)];

    /// <summary>Waits until the journal, still being written by a run, holds <paramref name="count"/> outcomes (a half-written last line is not counted).</summary>
    public static async Task WaitForOutcomesAsync(string journal, int count, Task run)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!run.IsCompleted && CountOutcomes(journal) < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private static int CountOutcomes(string journal) =>
        File.Exists(journal) ? File.ReadAllLines(journal).Count(line => line.StartsWith("{\"type\":\"outcome\"", StringComparison.Ordinal) && line.EndsWith('}')) : 0;

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
