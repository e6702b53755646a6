using Microsoft.Net.Http.Headers;

namespace OnePassword.Users.Emulator.Http;

/// <summary>Checks shared by the OAuth endpoints, which only accept form bodies.</summary>
internal static class FormRequests
{
    public static bool IsUrlEncodedForm(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
        && contentType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The client whose Basic credentials the request carries. Both the raw values and their
    /// form-decoded forms are tried, since RFC 6749 section 2.3.1 asks clients to form-encode them
    /// and many clients do not.
    /// </summary>
    public static EmulatorClient? AuthenticateClient(HttpRequest request, EmulatorState state)
    {
        if (!BasicCredentials.TryParse(request.Headers.Authorization, out var clientId, out var clientSecret))
        {
            return null;
        }

        return state.AuthenticateClient(clientId, clientSecret)
            ?? state.AuthenticateClient(FormDecode(clientId), FormDecode(clientSecret));
    }

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
