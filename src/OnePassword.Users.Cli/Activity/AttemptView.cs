namespace OnePassword.Users.Cli.Activity;

/// <summary>One request on the wire.</summary>
/// <param name="Kind">API call or token request.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Host">Host and port, for "waiting for api.1password.com".</param>
/// <param name="Path">The request path, without the query.</param>
/// <param name="Since">When the current step (sending, or waiting for the answer after connecting) began.</param>
/// <param name="ConnectingTo">The endpoint being connected to, while a new connection is opened for it.</param>
/// <param name="StartedAt">When the transport got the request, for latency.</param>
internal sealed record AttemptView(AttemptKind Kind, string Method, string Host, string Path, TimeSpan Since, string? ConnectingTo, TimeSpan StartedAt)
{
    /// <summary>When the connection attempt began; meaningful while <see cref="ConnectingTo"/> is set.</summary>
    public TimeSpan ConnectingSince { get; init; } = Since;
}
