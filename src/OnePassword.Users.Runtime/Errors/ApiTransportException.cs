using System.Globalization;
using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// A call got no complete answer: the connection failed or broke, the response was not HTTP, or
/// the call ran out of time. Every such failure, on the API and on the token endpoint, surfaces as
/// this one type; <see cref="Failure"/> says which it was.
/// </summary>
/// <remarks>
/// The message reads <c>GET https://host/path: the connection broke before the response was complete (after 2 attempts)</c>
/// and never holds a header or a body. <see cref="Exception.InnerException"/> keeps the
/// framework's exception (an <see cref="HttpRequestException"/> or <see cref="IOException"/>).
/// Idempotent operations are retried on these failures before this is thrown.
/// </remarks>
public class ApiTransportException : ApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">What went wrong.</param>
    /// <param name="requestMethod">The request method.</param>
    /// <param name="requestUri">The request URI; user info is removed.</param>
    /// <param name="detail">A few words on the failure, for the message; must not hold a secret.</param>
    /// <param name="innerException">The framework's exception.</param>
    public ApiTransportException(TransportFailure failure, string? requestMethod, Uri? requestUri, string detail, Exception? innerException)
        // Kiota annotates the inner exception as non-null, but System.Exception accepts null.
        : base(Compose(requestMethod, requestUri, detail), innerException!)
    {
        Failure = failure;
        RequestMethod = requestMethod;
        RequestUri = UriText.StripUserInfo(requestUri);
        Detail = detail;
    }

    /// <summary>What went wrong.</summary>
    public TransportFailure Failure { get; }

    /// <summary>The request method, for example <c>POST</c>.</summary>
    public string? RequestMethod { get; }

    /// <summary>The request URI without user info.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The failure in a few words, without the request line.</summary>
    public string Detail { get; }

    /// <summary>How many attempts were made, when the call was retried; 1 otherwise.</summary>
    public int Attempts { get; internal set; } = 1;

    /// <inheritdoc />
    public override string Message =>
        Attempts > 1 ? base.Message + " (after " + Attempts.ToString(CultureInfo.InvariantCulture) + " attempts)" : base.Message;

    private static string Compose(string? method, Uri? uri, string detail) =>
        $"{method ?? "(unknown method)"} {(uri is null ? "(unknown URI)" : UriText.WithoutUserInfo(uri))}: {detail}";
}
