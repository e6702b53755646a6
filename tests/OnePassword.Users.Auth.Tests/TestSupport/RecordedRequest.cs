using System.Text;

namespace OnePassword.Users.Auth.Tests.TestSupport;

/// <summary>A request as a test server or handler saw it.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    public string? Authorization => Header("Authorization");

    /// <summary>The decoded form fields of an <c>application/x-www-form-urlencoded</c> body.</summary>
    public IReadOnlyDictionary<string, string> Form =>
        Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => FormDecode(pair[0]), pair => pair.Length > 1 ? FormDecode(pair[1]) : string.Empty, StringComparer.Ordinal);

    /// <summary>The client id and secret of a Basic header, each form-decoded as RFC 6749 section 2.3.1 requires.</summary>
    public (string Id, string Secret) BasicCredentials
    {
        get
        {
            string header = Authorization ?? throw new InvalidOperationException("No Authorization header.");
            header.ShouldStartWith("Basic ");
            string pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
            int colon = pair.IndexOf(':', StringComparison.Ordinal);
            return (FormDecode(pair[..colon]), FormDecode(pair[(colon + 1)..]));
        }
    }

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
