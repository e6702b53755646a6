using System.Text;
using System.Text.RegularExpressions;

namespace OnePassword.Users.Generator.Corpus.Tests;

/// <summary>The kinds of damage done to a spec, each a way real specs go wrong or a hostile one attacks.</summary>
public enum Mutation
{
    DeleteLines,
    Truncate,
    SwapType,
    DanglingRef,
    DeepNesting,
    HugeName,
    Unicode,
    Duplicate,
    Noise,
}

/// <summary>
/// Makes a variant of a spec from a seed: the same seed always gives the same variant, so a
/// failure names the variant that shows it. Works on the text (YAML lines or JSON characters),
/// so it also produces specs no YAML or JSON tool would write.
/// </summary>
public static class SpecMutator
{
    private static readonly string[] Types = ["string", "integer", "number", "boolean", "object", "array", "null", "banana"];

    private static readonly string[] Strange =
    [
        "名前", "年齢", "Pét", "😀", "a\u0301", "\u200Bzero", "مرحبا", "Ωmega", "StartTime<", "-1", "+1", "Unknown", "additionalData",
        "class", "__proto__", "a.b.c", "{x}", "$ref", "~1", "%2F", "\\", "\"q\"", "'", "#hash", "",
    ];

    public static string Mutate(string text, Mutation mutation, int seed)
    {
        var random = new Random(seed);
        var json = text.TrimStart().StartsWith('{');
        return mutation switch
        {
            Mutation.DeleteLines => DeleteLines(text, random),
            Mutation.Truncate => text[..random.Next(text.Length)],
            Mutation.SwapType => ReplaceOne(text, json ? new Regex("\"type\": *\"[a-z]+\"") : new Regex(@"(?<=\btype: *)[a-z]+"), random,
                _ => json ? $"\"type\": \"{Pick(Types, random)}\"" : Pick(Types, random)),
            Mutation.DanglingRef => ReplaceOne(text, new Regex(@"#/components/[A-Za-z]+/[^'""\s}]+"), random,
                _ => Pick(["#/components/schemas/Missing", "other.yaml#/Pet", "#/paths/~1nowhere", "#/components/schemas", "#", "http://example.com/x.json"], random)),
            Mutation.DeepNesting => Nest(text, json, random),
            Mutation.HugeName => ReplaceKey(text, json, random, new string('n', 200 + random.Next(5000))),
            Mutation.Unicode => ReplaceKey(text, json, random, Pick(Strange, random) + Pick(Strange, random)),
            Mutation.Duplicate => Duplicate(text, random),
            Mutation.Noise => Noise(text, random),
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };
    }

    private static string DeleteLines(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var start = random.Next(lines.Count);
        lines.RemoveRange(start, Math.Min(1 + random.Next(6), lines.Count - start));
        return string.Join('\n', lines);
    }

    private static string ReplaceOne(string text, Regex pattern, Random random, Func<Match, string> replacement)
    {
        var matches = pattern.Matches(text);
        if (matches.Count == 0)
        {
            return Noise(text, random);
        }

        var match = matches[random.Next(matches.Count)];
        return text[..match.Index] + replacement(match) + text[(match.Index + match.Length)..];
    }

    /// <summary>A property whose schema is an inline object nested hundreds or thousands of levels deep.</summary>
    private static string Nest(string text, bool json, Random random)
    {
        var depth = random.Next(2) == 0 ? 40 + random.Next(40) : 1000 + random.Next(4000);
        var open = json ? "{\"type\":\"object\",\"properties\":{\"level\":" : "{type: object, properties: {level: ";
        var leaf = json ? "{\"type\":\"string\"}" : "{type: string}";
        var nested = new StringBuilder().Insert(0, open, depth).Append(leaf).Append('}', depth * 2).ToString();
        var pattern = json ? new Regex("\"properties\": *\\{") : new Regex(@"^( *)properties:\s*$", RegexOptions.Multiline);
        return ReplaceOne(text, pattern, random, match => json
            ? match.Value + "\"deep\": " + nested + ","
            : match.Value + "\n" + match.Groups[1].Value + "  deep: " + nested);
    }

    private static string ReplaceKey(string text, bool json, Random random, string name)
    {
        var quoted = json ? JsonQuote(name) : YamlQuote(name);
        var pattern = json ? new Regex("\"[A-Za-z_][A-Za-z0-9_]*\"(?= *:)") : new Regex(@"(?<=^ +)[A-Za-z_/{][A-Za-z0-9_/{}.-]*(?=:)", RegexOptions.Multiline);
        return ReplaceOne(text, pattern, random, match => match.Value.StartsWith('/') && !json ? YamlQuote("/" + name) : quoted);
    }

    private static string Duplicate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var start = random.Next(lines.Count);
        var count = Math.Min(1 + random.Next(8), lines.Count - start);
        lines.InsertRange(start + count, lines.GetRange(start, count));
        return string.Join('\n', lines);
    }

    private static string Noise(string text, Random random)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < 1 + random.Next(4); i++)
        {
            builder.Insert(random.Next(builder.Length + 1), Pick(["{", "}", "[", "]", ":", "\t", "'", "\"", "&a", "*a", "!!", "- ", "\n  ", "%", "|+\n  \n", ">-"], random));
        }

        return builder.ToString();
    }

    private static string Pick(string[] values, Random random) => values[random.Next(values.Length)];

    private static string JsonQuote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string YamlQuote(string value) => "'" + value.Replace("'", "''") + "'";
}
