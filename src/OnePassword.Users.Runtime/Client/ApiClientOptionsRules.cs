using System.Globalization;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The rules a client's settings must meet, written once: <see cref="ApiClientPipeline.Create"/>
/// throws on the first broken one, and dependency injection reports every one at start. Each
/// problem names its key as configuration writes it (<c>Retry:MaxRetries</c>).
/// </summary>
internal static class ApiClientOptionsRules
{
    public static IEnumerable<(string Key, string Message)> Problems(ApiClientOptions options, ApiDescription description)
    {
        if (description.UsesBearerToken)
        {
            if (string.IsNullOrWhiteSpace(options.ClientId))
            {
                yield return ("ClientId", "is required: the OAuth application's client id.");
            }

            if (string.IsNullOrEmpty(options.ClientSecret))
            {
                yield return ("ClientSecret", "is required: the OAuth application's client secret.");
            }

            if (options.TokenUrl is null && description.TokenUrl is null)
            {
                yield return ("TokenUrl", "is required: the spec declares no OAuth 2.0 token URL.");
            }
        }

        if (options.BaseUrl is { } baseUrl)
        {
            if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
            {
                yield return ("BaseUrl", $"must be an absolute https URL, not '{UriText.WithoutUserInfo(baseUrl)}'.");
            }
            else if (!string.IsNullOrEmpty(baseUrl.UserInfo))
            {
                yield return ("BaseUrl", "must not hold user info: credentials in a URL travel where they should not.");
            }
            else if (baseUrl.Scheme == Uri.UriSchemeHttp && !baseUrl.IsLoopback)
            {
                yield return ("BaseUrl", $"'{baseUrl}' uses plain HTTP; only loopback addresses (such as the emulator) may, everything else needs HTTPS.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.Region))
        {
            if (BaseUrlResolver.ServerOfRegion(options.Region, description) is null)
            {
                yield return ("Region", $"'{options.Region}' matches none of the API's servers ({string.Join(", ", description.ServerUrls)}).");
            }
        }
        else if (description.DefaultBaseUrl.Length == 0)
        {
            yield return ("BaseUrl", "is required: the spec names no server.");
        }

        if (options.Timeout != Timeout.InfiniteTimeSpan && options.Timeout <= TimeSpan.Zero)
        {
            yield return ("Timeout", $"must be positive or Timeout.InfiniteTimeSpan, not {options.Timeout}.");
        }

        if (options.CallTimeout != Timeout.InfiniteTimeSpan && options.CallTimeout <= TimeSpan.Zero)
        {
            yield return ("CallTimeout", $"must be positive or Timeout.InfiniteTimeSpan, not {options.CallTimeout}.");
        }

        if (options.MaxResponseBodySize < 1024)
        {
            yield return ("MaxResponseBodySize", $"must be at least 1024 bytes, not {options.MaxResponseBodySize.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (options.ApplicationUserAgent is { } product && !IsProductList(product))
        {
            yield return ("ApplicationUserAgent", $"'{product}' is not a User-Agent product list with versions, such as 'ContosoSOAR/2.1'.");
        }

        if (options.Retry is { } retry)
        {
            foreach ((string key, string message) in retry.Problems())
            {
                yield return ("Retry:" + key, message);
            }
        }

        if (options.RateLimit is { } rateLimit)
        {
            foreach ((string key, string message) in rateLimit.Problems())
            {
                yield return ("RateLimit:" + key, message);
            }
        }
    }

    /// <summary>Throws for the first problem, naming the property as C# writes it.</summary>
    /// <exception cref="ArgumentException">A setting breaks a rule.</exception>
    public static void ThrowIfInvalid(ApiClientOptions options, ApiDescription description)
    {
        foreach ((string key, string message) in Problems(options, description))
        {
            throw new ArgumentException($"ApiClientOptions.{key.Replace(':', '.')} {message}", nameof(options));
        }
    }

    /// <summary>Products as 1Password asks partners to name them, each with its version (<c>Name/1.2</c>); comments may follow.</summary>
    private static bool IsProductList(string value)
    {
        using var probe = new HttpRequestMessage();
        return !string.IsNullOrWhiteSpace(value)
            && probe.Headers.UserAgent.TryParseAdd(value)
            && probe.Headers.UserAgent.All(product => product.Comment is not null || !string.IsNullOrEmpty(product.Product?.Version));
    }
}
