using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Tests.Support;

/// <summary>Clients without authentication, for tests that look at the wire format only.</summary>
internal static class Clients
{
    public static UsersApiClient Plain(Uri baseUrl, HttpClient? httpClient = null) =>
        new(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: httpClient ?? new HttpClient())
        {
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
        });

    public static UsersApiClient OnApiRequestAdapter(Uri baseUrl, HttpClient? httpClient = null) =>
        new(new ApiRequestAdapter(httpClient ?? new HttpClient(), baseUrl.ToString()));
}
