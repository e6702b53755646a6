using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OnePassword.Users.Cli.Output;

/// <summary>
/// Compact JSON text for stdout and the journal, with only the escaping JSON requires: an email
/// such as <c>a+b@example.com</c> stays as written instead of becoming <c>a\u002Bb</c>. (The
/// default encoder also escapes for embedding in HTML, which none of this output is.)
/// </summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What <paramref name="write"/> writes, as a string without a line end.</summary>
    public static string Of(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
