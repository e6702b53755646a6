namespace OnePassword.Users.Runtime;

/// <summary>Fetches the page that starts at <paramref name="pageToken"/> (null for the first page).</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="pageToken">The page token, or null.</param>
/// <param name="cancellationToken">Cancels the request.</param>
/// <returns>The page.</returns>
public delegate Task<Page<T>> PageFetcher<T>(string? pageToken, CancellationToken cancellationToken);
