using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The base of generated request builders, shaped like Kiota's BaseRequestBuilder (adapter, URL
/// template, path parameters) but without copying a dictionary on every navigation: the path
/// parameters are an immutable <see cref="ApiPath"/>, so a child shares its parent's and only an
/// indexer, which adds a parameter, makes a new one.
/// </summary>
public abstract class ApiRequestBuilder
{
    /// <summary>Creates the builder.</summary>
    /// <param name="requestAdapter">The adapter that sends the requests.</param>
    /// <param name="urlTemplate">The RFC 6570 URL template.</param>
    /// <param name="path">The encoded path parameters collected so far.</param>
    protected ApiRequestBuilder(IRequestAdapter requestAdapter, string urlTemplate, ApiPath path)
    {
        ArgumentNullException.ThrowIfNull(requestAdapter);
        ArgumentNullException.ThrowIfNull(urlTemplate);
        ArgumentNullException.ThrowIfNull(path);
        RequestAdapter = requestAdapter;
        UrlTemplate = urlTemplate;
        Path = path;
    }

    /// <summary>Creates the builder from Kiota-style path parameters.</summary>
    /// <param name="requestAdapter">The adapter that sends the requests.</param>
    /// <param name="urlTemplate">The RFC 6570 URL template.</param>
    /// <param name="pathParameters">The encoded path parameters; copied.</param>
    protected ApiRequestBuilder(IRequestAdapter requestAdapter, string urlTemplate, Dictionary<string, object> pathParameters)
        : this(requestAdapter, urlTemplate, ApiPath.From(pathParameters ?? throw new ArgumentNullException(nameof(pathParameters))))
    {
    }

    /// <summary>Creates the builder for a raw URL, which is used as is.</summary>
    /// <param name="requestAdapter">The adapter that sends the requests.</param>
    /// <param name="urlTemplate">The RFC 6570 URL template.</param>
    /// <param name="rawUrl">The absolute URL.</param>
    protected ApiRequestBuilder(IRequestAdapter requestAdapter, string urlTemplate, string rawUrl)
        : this(requestAdapter, urlTemplate, ApiPath.ForRawUrl(rawUrl))
    {
    }

    /// <summary>The encoded path parameters collected so far.</summary>
    protected ApiPath Path { get; }

    /// <summary>The path parameters as a Kiota dictionary, with the adapter's base URL: a new copy on every read.</summary>
    protected Dictionary<string, object> PathParameters => Path.ToDictionary(RequestAdapter.BaseUrl);

    /// <summary>The adapter that sends the requests.</summary>
    protected IRequestAdapter RequestAdapter { get; }

    /// <summary>The RFC 6570 URL template.</summary>
    protected string UrlTemplate { get; }

    /// <summary>The path parameters plus one more, for the builder an indexer returns.</summary>
    /// <param name="name">The template variable.</param>
    /// <param name="encodedValue">The value, encoded by <see cref="PathSegment.Encode"/>.</param>
    /// <returns>The new path.</returns>
    protected ApiPath WithPathParameter(string name, string encodedValue) => Path.With(name, encodedValue);

    /// <summary>A request for this builder's URL, with the path parameters as Kiota expects them.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <returns>The request information.</returns>
    protected RequestInformation CreateRequestInformation(Method method) => new(method, UrlTemplate, PathParameters);
}
