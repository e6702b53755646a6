using System.Text;
using System.Text.Json;
using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Output;

/// <summary>
/// Writes users with the SDK's generated, reflection-free <see cref="User.WriteJson"/>: the same
/// field names and state values as the API. A list is one array; a single user is one object.
/// </summary>
internal sealed class JsonUserWriter : IUserWriter
{
    private readonly TextWriter _output;
    private readonly bool _asArray;
    private bool _started;

    public JsonUserWriter(TextWriter output, bool asArray)
    {
        _output = output;
        _asArray = asArray;
    }

    public async Task WriteAsync(User user, CancellationToken cancellationToken)
    {
        if (_asArray)
        {
            await _output.WriteAsync(_started ? ",\n  " : "[\n  ").ConfigureAwait(false);
        }

        _started = true;
        await _output.WriteAsync(Serialize(user)).ConfigureAwait(false);
        if (!_asArray)
        {
            await _output.WriteLineAsync().ConfigureAwait(false);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_asArray)
        {
            await _output.WriteLineAsync(_started ? "\n]" : "[]").ConfigureAwait(false);
        }
    }

    private static string Serialize(User user)
    {
        // One compact object per user, written as it arrives, keeps a long list streaming.
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            user.WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
