using System.Globalization;
using System.Text;

namespace OnePassword.Users.Generator.Parsing.Reading;

/// <summary>The escapes of JSON strings (RFC 8259, section 7).</summary>
internal static class JsonStrings
{
    /// <summary>
    /// The string between <paramref name="start"/> and <paramref name="end"/> with its escapes
    /// replaced; the reader has checked them already.
    /// </summary>
    public static string Unescape(string text, int start, int end)
    {
        var builder = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= end)
            {
                builder.Append(c);
                continue;
            }

            var escape = text[++i];
            switch (escape)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when i + 4 < end + 1 && TryHex(text, i + 1, out var code):
                    builder.Append(code);
                    i += 4;
                    break;
                default: builder.Append(escape); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Reads four hex digits at <paramref name="start"/>.</summary>
    public static bool TryHex(string text, int start, out char value)
    {
        value = '\0';
        if (start + 4 > text.Length)
        {
            return false;
        }

        if (!int.TryParse(text.Substring(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        value = (char)code;
        return true;
    }
}
