namespace OnePassword.Users.Runtime;

/// <summary>
/// The AIP-style name of the resource a request acts on, read by laying the request path over the
/// operation's path template: <c>/v1beta1/accounts/{account_id}/users/{user_id}:suspend</c> and
/// <c>/v1beta1/accounts/A/users/U%3A1:suspend</c> give <c>accounts/A/users/U:1</c>, account <c>A</c>.
/// </summary>
internal static class ResourceName
{
    public static (string Resource, string? AccountId) Of(ApiOperation operation, Uri? requestUri)
    {
        if (requestUri is null)
        {
            return (operation.PathTemplate, null);
        }

        string[] template = WithoutVerb(operation.PathTemplate).Split('/', StringSplitOptions.RemoveEmptyEntries);
        string[] path = WithoutVerb(requestUri.AbsolutePath).Split('/', StringSplitOptions.RemoveEmptyEntries);

        // The request path ends with the template's segments; anything before them is the base URL's own path.
        int offset = path.Length - template.Length;
        if (offset < 0)
        {
            return (string.Join('/', path.Select(Uri.UnescapeDataString)), null);
        }

        // Leading literal segments followed by another literal (a version prefix such as v1beta1)
        // are not part of the resource's name.
        int start = 0;
        while (start + 1 < template.Length && !IsParameter(template[start]) && !IsParameter(template[start + 1]))
        {
            start++;
        }

        var segments = new string[template.Length - start];
        string? accountId = null;
        for (int i = start; i < template.Length; i++)
        {
            string segment = Uri.UnescapeDataString(path[offset + i]);
            segments[i - start] = segment;
            if (IsParameter(template[i]) && i > 0 && template[i - 1] == "accounts")
            {
                accountId ??= segment;
            }
        }

        return (string.Join('/', segments), accountId);
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    private static string WithoutVerb(string path)
    {
        int slash = path.LastIndexOf('/');
        int colon = path.IndexOf(':', slash + 1);
        return colon < 0 ? path : path[..colon];
    }
}
