using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Expands the RFC 6570 templates generated request builders use (<c>{+var}</c>, <c>{var}</c>,
/// <c>{?a,b,list*}</c>, <c>{&amp;a}</c>), with parsed templates cached, so a request does not
/// re-parse its template on every call as a general-purpose expander does.
/// </summary>
internal static class UriTemplateExpander
{
    private static readonly ConcurrentDictionary<string, Part[]> Parsed = new(StringComparer.Ordinal);

    public static string Expand(string template, IDictionary<string, object> pathParameters, IDictionary<string, object> queryParameters)
    {
        var parts = Parsed.GetOrAdd(template, Parse);
        var builder = new StringBuilder(template.Length + 64);
        foreach (var part in parts)
        {
            if (part.Variables is null)
            {
                builder.Append(part.Literal);
                continue;
            }

            var first = true;
            foreach (var (name, explode) in part.Variables)
            {
                if (!pathParameters.TryGetValue(name, out var value) && !queryParameters.TryGetValue(name, out value))
                {
                    continue;
                }

                if (value is null)
                {
                    continue;
                }

                AppendVariable(builder, part.Operator, name, value, explode, ref first);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The URL of a request with no query: the template's literals and path variables, with the
    /// base URL given, written into one string of the exact length. Query expressions expand to
    /// nothing, as they do with no query values.
    /// </summary>
    /// <param name="operation">The operation the builder sends; it remembers its builder's parsed template.</param>
    /// <param name="template">The builder's URL template.</param>
    /// <param name="path">The builder's encoded path parameters.</param>
    /// <param name="baseUrl">The adapter's base URL.</param>
    public static string ExpandPath(ApiOperation operation, string template, ApiPath path, string baseUrl)
    {
        var parts = PartsFor(operation, template);

        // One pass finds every value and the length; the values wait in a fixed buffer on the
        // stack for the write, so each is looked up (and, unless reserved, encoded) once.
        var values = new PathValues();
        int count = 0;
        int length = 0;
        foreach (var part in parts)
        {
            if (part.Variables is null)
            {
                length += part.Literal.Length;
                continue;
            }

            foreach (var (name, _) in part.Variables)
            {
                if (count == PathValues.Capacity)
                {
                    return ExpandLongPath(parts, path, baseUrl);
                }

                string? value = PathValue(part.Operator, name, path, baseUrl);
                values[count++] = value;
                length += value?.Length ?? 0;
            }
        }

        return string.Create(length, (parts, values), static (span, state) =>
        {
            int position = 0;
            int next = 0;
            foreach (var part in state.parts)
            {
                if (part.Variables is null)
                {
                    part.Literal.AsSpan().CopyTo(span[position..]);
                    position += part.Literal.Length;
                    continue;
                }

                for (int i = 0; i < part.Variables.Length; i++)
                {
                    if (state.values[next++] is { } value)
                    {
                        value.AsSpan().CopyTo(span[position..]);
                        position += value.Length;
                    }
                }
            }
        });
    }

    /// <summary>
    /// The parsed template, from the operation when it was parsed for the same template string
    /// before: a generated operation is always sent from one builder, whose template is one
    /// literal, so that is a reference comparison where the shared cache hashes the whole template.
    /// </summary>
    private static Part[] PartsFor(ApiOperation operation, string template)
    {
        if (Volatile.Read(ref operation.ParsedPathTemplate) is { } known && ReferenceEquals(known.Text, template))
        {
            return known.Parts;
        }

        var parts = Parsed.GetOrAdd(template, Parse);
        Volatile.Write(ref operation.ParsedPathTemplate, new ParsedTemplate(template, parts));
        return parts;
    }

    /// <summary>A path with more variables than <see cref="PathValues"/> holds: built by concatenation.</summary>
    private static string ExpandLongPath(Part[] parts, ApiPath path, string baseUrl)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Variables is null)
            {
                builder.Append(part.Literal);
                continue;
            }

            foreach (var (name, _) in part.Variables)
            {
                builder.Append(PathValue(part.Operator, name, path, baseUrl));
            }
        }

        return builder.ToString();
    }

    /// <summary>The value of a path variable, already encoded; null for a query expression or a value not set.</summary>
    private static string? PathValue(char op, string name, ApiPath path, string baseUrl)
    {
        if (op is '?' or '&')
        {
            return null;
        }

        string? value = name == "baseurl" ? baseUrl : path[name];
        if (value is null || op == '+')
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        Encode(builder, value, allowReserved: false);
        return builder.ToString();
    }

    private static void AppendVariable(StringBuilder builder, char op, string name, object value, bool explode, ref bool first)
    {
        var isForm = op is '?' or '&';
        var allowReserved = op == '+';
        var values = value is string or not IEnumerable ? [Format(value)] : ((IEnumerable)value).Cast<object?>().Where(v => v is not null).Select(v => Format(v!)).ToList();
        if (values.Count == 0)
        {
            return;
        }

        if (isForm && explode)
        {
            foreach (var item in values)
            {
                builder.Append(first ? op : '&').Append(name).Append('=');
                Encode(builder, item, allowReserved: false);
                first = false;
            }

            return;
        }

        if (isForm)
        {
            builder.Append(first ? op : '&').Append(name).Append('=');
        }
        else if (!first)
        {
            builder.Append(',');
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            Encode(builder, values[i], allowReserved);
        }

        first = false;
    }

    private static string Format(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => time.ToString("o", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("o", CultureInfo.InvariantCulture),
        Guid id => id.ToString("D", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Percent-encodes UTF-8; reserved expansion keeps reserved characters and existing %XX triplets.</summary>
    private static void Encode(StringBuilder builder, string value, bool allowReserved)
    {
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsUnreserved(c) || (allowReserved && (IsReserved(c) || (c == '%' && IsPercentTriplet(value, i)))))
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < value.Length
                ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), utf8);
            for (var b = 0; b < length; b++)
            {
                builder.Append('%').Append(utf8[b].ToString("X2", CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool IsUnreserved(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';

    private static bool IsReserved(char c) => c is ':' or '/' or '?' or '#' or '[' or ']' or '@' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';

    private static bool IsPercentTriplet(string value, int index) =>
        index + 2 < value.Length && Uri.IsHexDigit(value[index + 1]) && Uri.IsHexDigit(value[index + 2]);

    private static Part[] Parse(string template)
    {
        var parts = new List<Part>();
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                parts.Add(new Part(template[position..], '\0', null));
                break;
            }

            if (open > position)
            {
                parts.Add(new Part(template[position..open], '\0', null));
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"The URI template '{template}' has an unclosed expression.");
            }

            var expression = template[(open + 1)..close];
            var op = expression.Length > 0 && expression[0] is '+' or '?' or '&' or '#' or '.' or '/' or ';' ? expression[0] : '\0';
            if (op is '#' or '.' or '/' or ';')
            {
                throw new FormatException($"The URI template operator '{op}' in '{template}' is not supported.");
            }

            // Interned, so looking a name up in an ApiPath, whose names are the generated code's
            // literals, is a reference comparison on every request.
            var names = (op == '\0' ? expression : expression[1..]).Split(',')
                .Select(name => name.EndsWith('*') ? (string.Intern(name[..^1]), true) : (string.Intern(name), false))
                .ToArray();
            parts.Add(new Part(string.Empty, op, names));
            position = close + 1;
        }

        return [.. parts];
    }

    internal sealed record Part(string Literal, char Operator, (string Name, bool Explode)[]? Variables);

    /// <summary>A template and its parts, as an <see cref="ApiOperation"/> keeps them.</summary>
    internal sealed record ParsedTemplate(string Text, Part[] Parts);

    /// <summary>The values of a path's variables between finding and writing them; real paths have two or three.</summary>
    [System.Runtime.CompilerServices.InlineArray(Capacity)]
    private struct PathValues
    {
        public const int Capacity = 8;

        private string? _first;
    }
}
