using System.Text;

namespace OnePassword.Users.Runtime;

/// <summary>Reads a response body as text, up to a limit, so a huge error page cannot exhaust memory.</summary>
internal static class ResponseText
{
    public static async Task<string> ReadAsync(HttpContent content, int maxChars, CancellationToken cancellationToken = default)
    {
        if (content is BufferedResponseContent buffered)
        {
            // Already read by the pipeline, within its size and time limits: decode in place, no
            // more bytes than maxChars characters can take.
            ReadOnlySpan<byte> bytes = buffered.Span;
            bytes = bytes.Length > maxChars * 4L ? bytes[..(maxChars * 4)] : bytes;
            string decoded = EncodingOf(content).GetString(bytes);
            decoded = decoded.Length > 0 && decoded[0] == '\uFEFF' ? decoded[1..] : decoded;
            return decoded.Length > maxChars ? decoded[..maxChars] : decoded;
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
