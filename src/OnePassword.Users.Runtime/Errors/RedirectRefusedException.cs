using System.Globalization;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The server answered with a redirect (HTTP 3xx), which the client never follows: a redirect
/// could carry the access token, or a request's answer, to another origin. <see cref="Location"/>
/// says where the server pointed.
/// </summary>
/// <remarks>
/// The message reads <c>POST https://host/path was answered with HTTP 302, a redirect to http://other/steal, which the client does not follow</c>.
/// A transport that followed a redirect by itself (a handler given in <see cref="ApiClientOptions.Transport"/>
/// with automatic redirects on) is refused the same way, with the address it ended at.
/// </remarks>
public sealed class RedirectRefusedException : ApiErrorException
{
    private RedirectRefusedException(string message, ApiErrorContext context, Uri? location, Exception? innerException)
        : base(message, context, innerException)
    {
        Location = location;
    }

    /// <summary>Where the redirect pointed (<c>Location</c>), without user info; null when the server named no target.</summary>
    public Uri? Location { get; }

    internal static RedirectRefusedException Create(ApiErrorContext context, Uri? location, Exception? innerException)
    {
        Uri? target = Absolute(location, context.RequestUri);
        string where = target is null ? "without a Location" : "a redirect to " + ErrorText.Excerpt(target.IsAbsoluteUri ? target.AbsoluteUri : target.OriginalString);
        string message = $"{RequestLine(context)} was answered with HTTP {context.StatusCode.ToString(CultureInfo.InvariantCulture)}, {where}, which the client does not follow";
        return new RedirectRefusedException(message, context, target, innerException);
    }

    /// <summary>For a transport that followed a redirect itself (the API's, or a caller's token client): the response came from <paramref name="finalUri"/>, not from where the request was sent.</summary>
    internal static RedirectRefusedException Followed(HttpResponseMessage response, Uri sentTo, Uri finalUri)
    {
        ApiErrorContext context = ContextWithoutBody(response) with { RequestUri = UriText.StripUserInfo(sentTo) };
        Uri target = UriText.StripUserInfo(finalUri);
        string message = $"{RequestLine(context)} was redirected by the transport to {ErrorText.Excerpt(target.AbsoluteUri)}; the client does not follow redirects (turn AllowAutoRedirect off on the transport: the handler given as ApiClientOptions.Transport, or the one under a token provider's HttpClient)";
        return new RedirectRefusedException(message, context, target, innerException: null);
    }

    private static Uri? Absolute(Uri? location, Uri? requestUri)
    {
        if (location is null)
        {
            return null;
        }

        if (!location.IsAbsoluteUri)
        {
            return requestUri is { IsAbsoluteUri: true } && Uri.TryCreate(requestUri, location, out Uri? resolved) ? UriText.StripUserInfo(resolved) : location;
        }

        return UriText.StripUserInfo(location);
    }
}
