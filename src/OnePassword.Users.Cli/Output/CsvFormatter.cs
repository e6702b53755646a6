using System.Text;

namespace OnePassword.Users.Cli.Output;

/// <summary>
/// Writes RFC 4180 records: CRLF line ends; fields with a comma, quote or line break are quoted,
/// quotes doubled; every field is first passed through <see cref="FormulaGuard"/>.
/// </summary>
internal static class CsvFormatter
{
    private static readonly char[] CharactersNeedingQuotes = [',', '"', '\r', '\n'];

    public static string Record(IEnumerable<string> fields)
    {
        var line = new StringBuilder();
        foreach (var raw in fields)
        {
            if (line.Length > 0)
            {
                line.Append(',');
            }

            var field = FormulaGuard.Protect(raw);
            if (field.IndexOfAny(CharactersNeedingQuotes) >= 0)
            {
                line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(field);
            }
        }

        return line.Append("\r\n").ToString();
    }
}
