namespace OnePassword.Users.Runtime;

/// <summary>Chooses the base URL: an explicit one, the server of a region, or the spec's default.</summary>
internal static class BaseUrlResolver
{
    public static Uri Resolve(ApiClientOptions options, ApiDescription description)
    {
        if (options.BaseUrl is { } explicitUrl)
        {
            if (!explicitUrl.IsAbsoluteUri || (explicitUrl.Scheme != Uri.UriSchemeHttps && explicitUrl.Scheme != Uri.UriSchemeHttp))
            {
                throw new ArgumentException($"BaseUrl must be an absolute http(s) URL, not '{explicitUrl}'.", nameof(options));
            }

            if (explicitUrl.Scheme == Uri.UriSchemeHttp && !explicitUrl.IsLoopback)
            {
                throw new ArgumentException($"BaseUrl '{explicitUrl}' uses plain HTTP; only loopback addresses (such as the emulator) may.", nameof(options));
            }

            return explicitUrl;
        }

        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            var region = options.Region.Trim().TrimStart('.');
            var match = description.ServerUrls.FirstOrDefault(url =>
                Uri.TryCreate(url, UriKind.Absolute, out var server)
                && (server.Host.Equals(region, StringComparison.OrdinalIgnoreCase)
                    || server.Host.EndsWith("." + region, StringComparison.OrdinalIgnoreCase)));
            return match is not null
                ? new Uri(match)
                : throw new ArgumentException(
                    $"Region '{options.Region}' matches none of the API's servers ({string.Join(", ", description.ServerUrls)}).",
                    nameof(options));
        }

        return description.DefaultBaseUrl.Length > 0
            ? new Uri(description.DefaultBaseUrl)
            : throw new ArgumentException("The spec names no server: set BaseUrl.", nameof(options));
    }
}
