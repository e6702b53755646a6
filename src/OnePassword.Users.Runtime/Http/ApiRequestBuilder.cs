using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The base of generated request builders, shaped like Kiota's BaseRequestBuilder (adapter,
/// URL template, path parameters) but without copying the path parameters on every
/// navigation: builders are immutable, so a child shares its parent's dictionary and only an
/// indexer, which adds a parameter, makes a new one.
/// </summary>
public abstract class ApiRequestBuilder
{
    private const string RawUrlKey = "request-raw-url";

    /// <summary>Creates the builder.</summary>
    /// <param name="requestAdapter">The adapter that sends the requests.</param>
    /// <param name="urlTemplate">The RFC 6570 URL template.</param>
    /// <param name="pathParameters">The encoded path parameters; the builder does not change them.</param>
    protected ApiRequestBuilder(IRequestAdapter requestAdapter, string urlTemplate, Dictionary<string, object> pathParameters)
    {
        ArgumentNullException.ThrowIfNull(requestAdapter);
        ArgumentNullException.ThrowIfNull(urlTemplate);
        ArgumentNullException.ThrowIfNull(pathParameters);
        RequestAdapter = requestAdapter;
        UrlTemplate = urlTemplate;
        PathParameters = pathParameters;
    }

    /// <summary>Creates the builder for a raw URL, which is used as is.</summary>
    /// <param name="requestAdapter">The adapter that sends the requests.</param>
    /// <param name="urlTemplate">The RFC 6570 URL template.</param>
    /// <param name="rawUrl">The absolute URL.</param>
    protected ApiRequestBuilder(IRequestAdapter requestAdapter, string urlTemplate, string rawUrl)
        : this(requestAdapter, urlTemplate, new Dictionary<string, object> { [RawUrlKey] = rawUrl ?? throw new ArgumentNullException(nameof(rawUrl)) })
    {
    }

    /// <summary>The encoded path parameters collected so far.</summary>
    protected Dictionary<string, object> PathParameters { get; }

    /// <summary>The adapter that sends the requests.</summary>
    protected IRequestAdapter RequestAdapter { get; }

    /// <summary>The RFC 6570 URL template.</summary>
    protected string UrlTemplate { get; }

    /// <summary>The path parameters plus one more, for the builder an indexer returns.</summary>
    /// <param name="name">The template variable.</param>
    /// <param name="encodedValue">The value, encoded by <see cref="PathSegment.Encode"/>.</param>
    /// <returns>A new dictionary.</returns>
    protected Dictionary<string, object> WithPathParameter(string name, string encodedValue) =>
        new(PathParameters) { [name] = encodedValue };

    /// <summary>
    /// A request for this builder's URL. Kiota's own adapter writes the base URL into the
    /// request's path parameters, so it gets a copy; the SDK's adapter only reads them.
    /// </summary>
    /// <param name="method">The HTTP method.</param>
    /// <returns>The request information.</returns>
    protected RequestInformation CreateRequestInformation(Method method) =>
        new(method, UrlTemplate, RequestAdapter is ApiRequestAdapter ? PathParameters : new Dictionary<string, object>(PathParameters));
}
