namespace OnePassword.Users.Runtime;

/// <summary>Writes URIs into messages without the user-info part, which may hold a password.</summary>
internal static class UriText
{
    public static string WithoutUserInfo(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return uri.OriginalString;
        }

        if (string.IsNullOrEmpty(uri.UserInfo))
        {
            return uri.AbsoluteUri;
        }

        return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.AbsoluteUri;
    }

    /// <summary>
    /// <paramref name="uri"/> itself when it holds no user info (relative URIs included), else a
    /// copy without it: for the URIs that exceptions and callbacks hand to callers.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(uri))]
    public static Uri? StripUserInfo(Uri? uri)
    {
        if (uri is not { IsAbsoluteUri: true } || string.IsNullOrEmpty(uri.UserInfo))
        {
            return uri;
        }

        return new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
    }
}
