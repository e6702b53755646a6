namespace OnePassword.Users.Runtime;

/// <summary>
/// Passes diagnostic lines to the caller's <see cref="TokenCacheOptions.Diagnostics"/> callback.
/// Callers build every line from URIs without user info, status codes and already-redacted
/// exception messages, never from credentials or token values.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly Action<string>? _callback;

    public DiagnosticSink(Action<string>? callback) => _callback = callback;

    public bool Enabled => _callback is not null;

    public void Write(string message)
    {
        if (_callback is null)
        {
            return;
        }

        try
        {
            _callback(message);
        }
#pragma warning disable CA1031 // A broken logging callback must not break authentication.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
