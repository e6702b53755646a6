using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Output;

/// <summary>
/// Writes users as the API's own JSON objects (<see cref="UserJson"/>), one compact object at a
/// time so a long list streams. A list is one JSON array; otherwise each user is one line (JSON lines).
/// </summary>
internal sealed class JsonUserWriter(TextWriter output, bool asArray) : IUserWriter
{
    private bool _started;

    public async Task WriteAsync(User user, CancellationToken cancellationToken)
    {
        if (asArray)
        {
            await output.WriteAsync(_started ? ",\n  " : "[\n  ").ConfigureAwait(false);
        }

        _started = true;
        await output.WriteAsync(UserJson.Serialize(user)).ConfigureAwait(false);
        if (!asArray)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (asArray)
        {
            await output.WriteLineAsync(_started ? "\n]" : "[]").ConfigureAwait(false);
        }
    }
}
