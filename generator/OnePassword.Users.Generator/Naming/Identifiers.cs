using System.Collections.Generic;
using System.Text;

namespace OnePassword.Users.Generator.Naming;

/// <summary>Turns spec names (snake_case, SCREAMING_CASE, dotted, with punctuation) into C# names.</summary>
internal static class Identifiers
{
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

    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary><c>display_name</c> → <c>DisplayName</c>, <c>STATE_UNSPECIFIED</c> → <c>StateUnspecified</c>.</summary>
    public static string ToPascalCase(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var word in SplitWords(raw))
        {
            var allUpper = word.Length > 1 && IsAllUpper(word);
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(allUpper ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        return char.IsDigit(builder[0]) ? "_" + builder : builder.ToString();
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
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
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

    private static IEnumerable<string> SplitWords(string raw)
    {
        var word = new StringBuilder();
        foreach (var c in raw)
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
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
