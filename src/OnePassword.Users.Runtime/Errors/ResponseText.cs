using System.Text;

namespace OnePassword.Users.Runtime;

/// <summary>Reads a response body as text, up to a limit, so a huge error page cannot exhaust memory.</summary>
internal static class ResponseText
{
    public static async Task<string> ReadAsync(HttpContent content, int maxChars, CancellationToken cancellationToken = default)
    {
        if (Buffered(content, maxChars) is { } buffered)
        {
            return buffered;
        }

        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, EncodingOf(content), detectEncodingFromByteOrderMarks: true);
        var text = new StringBuilder();
        char[] buffer = new char[4096];
        while (text.Length < maxChars)
        {
            int read = await reader.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, maxChars - text.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    /// <summary>
    /// The text of a body the pipeline has already read (within its size and time limits),
    /// decoded in place from no more bytes than <paramref name="maxChars"/> characters can take;
    /// null when the body was not read yet.
    /// </summary>
    public static string? Buffered(HttpContent content, int maxChars)
    {
        if (content is not BufferedResponseContent buffered)
        {
            return null;
        }

        ReadOnlySpan<byte> bytes = buffered.Body.Span;
        bytes = bytes.Length > maxChars * 4L ? bytes[..(maxChars * 4)] : bytes;
        string decoded = EncodingOf(content).GetString(bytes);
        decoded = decoded.Length > 0 && decoded[0] == '\uFEFF' ? decoded[1..] : decoded;
        return decoded.Length > maxChars ? decoded[..maxChars] : decoded;
    }

    private static Encoding EncodingOf(HttpContent content)
    {
        string? charset = content.Headers.ContentType?.CharSet?.Trim('"');
        if (string.IsNullOrEmpty(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (ArgumentException)
        {
            // An unknown charset label: UTF-8 is what JSON bodies use anyway.
            return Encoding.UTF8;
        }
    }
}
