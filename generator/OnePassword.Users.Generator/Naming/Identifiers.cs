using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OnePassword.Users.Generator.Naming;

/// <summary>
/// Turns spec names (snake_case, SCREAMING_CASE, dotted, with punctuation, in any script) into
/// legal C# names by one deterministic rule, so the same spec always gives the same API:
/// <list type="bullet">
/// <item>letters and digits of any script are kept; Latin letters lose their accents (<c>Pét</c> → <c>Pet</c>);</item>
/// <item>comparison operators become words (<c>StartTime&lt;</c> → <c>StartTimeBefore</c>), signs of numbers too (<c>-1</c> → <c>Minus1</c>);</item>
/// <item>other punctuation separates words; a name of punctuation only is spelled out (<c>*</c> → <c>Star</c>, <c>😀</c> → <c>U1F600</c>);</item>
/// <item>a leading digit gets a <c>_</c>; names longer than <see cref="MaxLength"/> are cut and end in a hash of the whole.</item>
/// </list>
/// </summary>
internal static class Identifiers
{
    /// <summary>The longest generated identifier; the compiler's limit is 512.</summary>
    public const int MaxLength = 128;

    private static readonly HashSet<string> Keywords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    ];

    // Longest first, so "<=" is not read as "<" then "=".
    private static readonly (string Symbol, string Word)[] Operators =
    [
        ("<=", "OnOrBefore"), (">=", "OnOrAfter"), ("!=", "Not"), ("<", "Before"), (">", "After"),
    ];

    private static readonly Dictionary<char, string> SymbolWords = new()
    {
        ['*'] = "Star", ['/'] = "Slash", ['.'] = "Dot", ['_'] = "Underscore", ['$'] = "Dollar", ['#'] = "Hash",
        ['@'] = "At", ['&'] = "And", ['%'] = "Percent", ['~'] = "Tilde", ['!'] = "Not", ['='] = "Equals",
        ['+'] = "Plus", ['-'] = "Minus", ['?'] = "Question", [':'] = "Colon", [','] = "Comma", [' '] = "Space",
    };

    private static readonly Dictionary<char, string> LatinLetters = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['Æ'] = "Ae", ['ø'] = "o", ['Ø'] = "O", ['œ'] = "oe", ['Œ'] = "Oe",
        ['ł'] = "l", ['Ł'] = "L", ['đ'] = "d", ['Đ'] = "D", ['þ'] = "th", ['Þ'] = "Th", ['ð'] = "d", ['Ð'] = "D", ['ı'] = "i",
    };

    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary><c>display_name</c> → <c>DisplayName</c>, <c>STATE_UNSPECIFIED</c> → <c>StateUnspecified</c>.</summary>
    public static string ToPascalCase(string raw)
    {
        var builder = new StringBuilder(raw.Length + 8);
        foreach (var word in SplitWords(raw))
        {
            var allUpper = word.Length > 1 && IsAllUpper(word);
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(allUpper ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }

        if (builder.Length == 0)
        {
            return Bound(SpellOut(raw));
        }

        return Bound(char.IsDigit(builder[0]) ? "_" + builder : builder.ToString());
    }

    /// <summary>PascalCase with a lower-case first letter; keywords are escaped with <c>@</c>.</summary>
    public static string ToCamelCase(string raw)
    {
        var pascal = ToPascalCase(raw);
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return IsKeyword(camel) ? "@" + camel : camel;
    }

    /// <summary>Whether a name from the spec is usable as written as a C# identifier.</summary>
    public static bool IsValidIdentifier(string name)
    {
        if (name.Length == 0 || name.Length > MaxLength || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A name cut to <see cref="MaxLength"/>, ending in a hash of the whole so cut names stay apart.</summary>
    public static string Bound(string name, int maxLength = MaxLength) =>
        name.Length <= maxLength ? name : name.Substring(0, maxLength - 9) + "_" + Hash(name);

    /// <summary>Eight hex digits of a stable (FNV-1a) hash: the same on every machine and run.</summary>
    public static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    private static IEnumerable<string> SplitWords(string raw)
    {
        var text = Transliterate(raw);
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsWordCharacter(c))
            {
                word.Append(c);
                continue;
            }

            var spoken = IsSign(text, i) ? SymbolWords[c] : OperatorAt(text, ref i);
            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }

            if (spoken is not null)
            {
                yield return spoken;
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>
    /// A <c>+</c> or <c>-</c> that leads the name (<c>-1</c>, <c>-created</c> in sort orders) or signs a
    /// number inside it (<c>reactions-+1</c>), not one that joins words (<c>user-id</c>, <c>2020-01</c>).
    /// </summary>
    private static bool IsSign(string text, int index) =>
        text[index] is '+' or '-'
        && (index == 0 || (!char.IsLetterOrDigit(text[index - 1]) && index + 1 < text.Length && char.IsDigit(text[index + 1])));

    private static string? OperatorAt(string text, ref int index)
    {
        foreach (var (symbol, word) in Operators)
        {
            if (string.CompareOrdinal(text, index, symbol, 0, symbol.Length) == 0)
            {
                index += symbol.Length - 1;
                return word;
            }
        }

        return null;
    }

    /// <summary>Letters and digits that C# accepts in identifiers (surrogate pairs are not among them).</summary>
    private static bool IsWordCharacter(char c) => c < 128 ? char.IsLetterOrDigit(c) : !char.IsSurrogate(c) && char.IsLetterOrDigit(c);

    /// <summary>Latin letters without their accents; every other script as it is.</summary>
    private static string Transliterate(string raw)
    {
        var ascii = true;
        foreach (var c in raw)
        {
            ascii &= c < 128;
        }

        if (ascii)
        {
            return raw;
        }

        var decomposed = raw.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            if (LatinLetters.TryGetValue(c, out var replacement))
            {
                builder.Append(replacement);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark && i > 0 && decomposed[i - 1] < 128)
            {
                // an accent on a Latin letter: dropped
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A name for a name without letters or digits: its symbols as words, else its code points.</summary>
    private static string SpellOut(string raw)
    {
        if (raw.Length == 0)
        {
            return "Empty";
        }

        var builder = new StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            if (SymbolWords.TryGetValue(raw[i], out var word))
            {
                builder.Append(word);
                continue;
            }

            var codePoint = char.IsHighSurrogate(raw[i]) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1])
                ? char.ConvertToUtf32(raw[i], raw[++i])
                : raw[i];
            builder.Append('U').Append(codePoint.ToString("X4", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static bool IsAllUpper(string word)
    {
        var hasLetter = false;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            hasLetter |= char.IsLetter(c);
        }

        return hasLetter;
    }
}
