using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Output;

/// <summary>
/// Users as <c>key: value</c> lines, a blank line between users: what a terminal too narrow for
/// the table shows. Nothing is shortened; a value longer than the line simply wraps.
/// </summary>
internal static class KeyValueBlocks
{
    private static readonly int KeyWidth = UserFields.All.Max(field => field.WireName.Length) + 1;

    public static async Task WriteAsync(TextWriter output, IReadOnlyList<User> users)
    {
        for (var i = 0; i < users.Count; i++)
        {
            if (i > 0)
            {
                await output.WriteLineAsync().ConfigureAwait(false);
            }

            foreach (var field in UserFields.All)
            {
                await output.WriteLineAsync($"{(field.WireName + ":").PadRight(KeyWidth)} {field.Value(users[i])}").ConfigureAwait(false);
            }
        }
    }
}
