namespace OnePassword.Users.Runtime;

/// <summary>What went wrong below HTTP, for <see cref="ApiTransportException.Failure"/>.</summary>
public enum TransportFailure
{
    /// <summary>No connection could be made: the name did not resolve, the connection was refused, or TLS failed. The request was not sent.</summary>
    ConnectionFailed,

    /// <summary>The connection broke after the request was sent, before the whole response arrived (a reset, or a body cut off mid-way).</summary>
    ResponseIncomplete,

    /// <summary>The response was not valid HTTP.</summary>
    InvalidResponse,

    /// <summary>An attempt took longer than <see cref="ApiClientOptions.Timeout"/>, or the call longer than <see cref="ApiClientOptions.CallTimeout"/>.</summary>
    Timeout,
}
