namespace OnePassword.Users.Runtime;

/// <summary>Chooses the base URL: an explicit one, the server of a region, or the spec's default.</summary>
/// <remarks>The settings are checked first by <see cref="ApiClientOptionsRules"/>; this only chooses.</remarks>
internal static class BaseUrlResolver
{
    public static Uri Resolve(ApiClientOptions options, ApiDescription description) =>
        options.BaseUrl
        ?? (string.IsNullOrWhiteSpace(options.Region) ? null : ServerOfRegion(options.Region, description))
        ?? new Uri(description.DefaultBaseUrl);

    /// <summary>The spec server whose host is the region or ends with it (<c>1password.eu</c> → <c>https://api.1password.eu</c>).</summary>
    public static Uri? ServerOfRegion(string region, ApiDescription description)
    {
        string suffix = region.Trim().TrimStart('.');
        string? match = description.ServerUrls.FirstOrDefault(url =>
            Uri.TryCreate(url, UriKind.Absolute, out var server)
            && (server.Host.Equals(suffix, StringComparison.OrdinalIgnoreCase)
                || server.Host.EndsWith("." + suffix, StringComparison.OrdinalIgnoreCase)));
        return match is null ? null : new Uri(match);
    }
}
