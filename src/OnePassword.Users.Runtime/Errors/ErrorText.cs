using System.Globalization;
using System.Text;

namespace OnePassword.Users.Runtime;

/// <summary>Turns response bodies into text that is safe to put in an exception message or a log.</summary>
internal static class ErrorText
{
    private const int ExcerptLength = 200;

    /// <summary>The first characters of a body on one line, with control characters escaped, so a log entry cannot be forged or broken.</summary>
    public static string Excerpt(string body)
    {
        var builder = new StringBuilder(Math.Min(body.Length, ExcerptLength) + 8);
        foreach (char c in body.AsSpan(0, Math.Min(body.Length, ExcerptLength)))
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        if (body.Length > ExcerptLength)
        {
            builder.Append('…');
        }

        return builder.ToString();
    }
}
