using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace OnePassword.Users.Tests.Support;

/// <summary>Clients on a plain Kiota adapter, for tests that look at the wire format only.</summary>
internal static class Clients
{
    public static UsersApiClient Plain(Uri baseUrl, HttpClient? httpClient = null) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: httpClient ?? new HttpClient())
        {
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
        });
}
