using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>Sets request bodies for generated operations: JSON written without reflection, or a URL-encoded form.</summary>
public static class RequestContent
{
    /// <summary>Writes <paramref name="value"/> as the JSON body.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="contentType">The JSON media type.</param>
    /// <param name="value">The body.</param>
    /// <param name="write">The generated writer.</param>
    public static void SetJson<T>(RequestInformation request, string contentType, T value, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(write);
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer, value);
        }

        stream.Position = 0;
        request.SetStreamContent(stream, contentType);
    }

    /// <summary>Sets an <c>application/x-www-form-urlencoded</c> body; fields with a null value are left out.</summary>
    /// <param name="request">The request.</param>
    /// <param name="fields">The fields, in order.</param>
    public static void SetForm(RequestInformation request, IEnumerable<KeyValuePair<string, string?>> fields)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fields);
        var body = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            if (value is null)
            {
                continue;
            }

            if (body.Length > 0)
            {
                body.Append('&');
            }

            body.Append(FormEncode(name)).Append('=').Append(FormEncode(value));
        }

        request.SetStreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body.ToString())), "application/x-www-form-urlencoded");
    }

    /// <summary>Form encoding (WHATWG): percent-encoding with '+' for spaces.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The encoded text.</returns>
    public static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
