namespace OnePassword.Users.Runtime;

/// <summary>How every HttpClient the SDK builds (API and token, by <c>Create()</c> or by DI), and the sender of a <c>Create()</c> client's generated requests, send its <c>User-Agent</c>.</summary>
internal static class UserAgentHeader
{
    /// <summary>Adds <see cref="ApiClientOptions.UserAgent"/> to the client's default headers.</summary>
    /// <remarks>
    /// Added as one raw string, which the options rules have already checked is a product list:
    /// HttpClient copies its default headers into every request, and a raw value is copied by
    /// reference where a parsed product list is cloned, product by product, on every call.
    /// </remarks>
    public static void ApplyTo(HttpClient client, ApiClientOptions options) =>
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);

    /// <summary>Adds <paramref name="userAgent"/> to one request, as <see cref="ApplyTo(HttpClient, ApiClientOptions)"/> has HttpClient do; see <see cref="PipelineSender"/>.</summary>
    public static void ApplyTo(HttpRequestMessage request, string userAgent) =>
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
}
