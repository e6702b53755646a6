using System.Globalization;
using System.Security.Cryptography;

namespace OnePassword.Users.Cli.Journal;

/// <summary>
/// Where a bulk run's journal goes when <c>--journal</c> does not say: the user's state folder
/// (<c>$XDG_STATE_HOME/op-users/journals</c>, else <c>~/.local/state/op-users/journals</c>; on
/// Windows <c>%LOCALAPPDATA%\op-users\journals</c>), one new file per run.
/// </summary>
internal static class JournalLocation
{
    public static string Default(IDictionary<string, string?> environment, string action, DateTimeOffset now)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{action}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}.jsonl");
        return Path.Combine(StateDirectory(environment), "op-users", "journals", name);
    }

    private static string StateDirectory(IDictionary<string, string?> environment)
    {
        string? Variable(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) && Path.IsPathRooted(value) ? value : null;

        if (OperatingSystem.IsWindows())
        {
            return Variable("LOCALAPPDATA") ?? Path.GetTempPath();
        }

        return Variable("XDG_STATE_HOME")
            ?? (Variable("HOME") is { } home ? Path.Combine(home, ".local", "state") : Path.GetTempPath());
    }
}
