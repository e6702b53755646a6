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
}
