using System.Globalization;
using System.Net.Sockets;

namespace OnePassword.Users.Runtime;

/// <summary>Turns the framework's many transport exceptions into the one <see cref="ApiTransportException"/> that names the request.</summary>
internal static class TransportFailures
{
    /// <summary>
    /// The SDK exception for <paramref name="exception"/>, or null when it is not a transport
    /// failure: the caller's own cancellation (or a timeout above, which owns the token) and the
    /// SDK's own exceptions pass through unchanged.
    /// </summary>
    public static ApiTransportException? From(Exception exception, HttpRequestMessage? request, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        (TransportFailure failure, string detail)? classified = exception switch
        {
            HttpRequestException http => FromRequestError(http),
            HttpIOException io => (FromRequestError(io.HttpRequestError), "the connection broke while the response was read"),
            IOException => (TransportFailure.ResponseIncomplete, "the connection broke while the response was read"),
            SocketException => (TransportFailure.ConnectionFailed, "could not connect"),
            TimeoutException or OperationCanceledException => (TransportFailure.Timeout, "the transport timed out"),
            _ => null,
        };

        return classified is { } value
            ? new ApiTransportException(value.failure, request?.Method.Method, request?.RequestUri, value.detail, exception)
            : null;
    }

    /// <summary>An attempt that its own time limit ended: <paramref name="limitName"/> says where the limit comes from.</summary>
    /// <param name="request">The request.</param>
    /// <param name="limit">The time the attempt was allowed.</param>
    /// <param name="limitName">The setting the limit comes from, for the message.</param>
    /// <param name="exception">The cancellation the limit caused.</param>
    public static ApiTransportException AttemptTimedOut(HttpRequestMessage request, TimeSpan limit, string limitName, Exception exception) => new(
        TransportFailure.Timeout,
        request.Method.Method,
        request.RequestUri,
        $"the attempt took longer than {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s ({limitName})",
        exception);

    /// <summary>Whether sending again can help: not for a failed TLS handshake or a refused protocol.</summary>
    public static bool IsTransient(ApiTransportException exception) =>
        exception.InnerException is not HttpRequestException
        {
            HttpRequestError: HttpRequestError.SecureConnectionError
                or HttpRequestError.UserAuthenticationError
                or HttpRequestError.ConfigurationLimitExceeded
                or HttpRequestError.VersionNegotiationError
                or HttpRequestError.ExtendedConnectNotSupported,
        };

    private static (TransportFailure, string) FromRequestError(HttpRequestException exception)
    {
        TransportFailure failure = exception.HttpRequestError == HttpRequestError.Unknown && exception.InnerException is IOException
            ? TransportFailure.ResponseIncomplete
            : FromRequestError(exception.HttpRequestError);
        string detail = failure switch
        {
            TransportFailure.ConnectionFailed => "could not connect (" + ErrorText.Excerpt(exception.Message) + ")",
            TransportFailure.InvalidResponse => "the response was not valid HTTP",
            _ => "the connection broke before the response was complete",
        };
        return (failure, detail);
    }

    private static TransportFailure FromRequestError(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError
            or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError
            or HttpRequestError.UserAuthenticationError
            or HttpRequestError.ConfigurationLimitExceeded
            or HttpRequestError.VersionNegotiationError
            or HttpRequestError.ExtendedConnectNotSupported => TransportFailure.ConnectionFailed,
        HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError => TransportFailure.InvalidResponse,
        _ => TransportFailure.ResponseIncomplete,
    };
}
