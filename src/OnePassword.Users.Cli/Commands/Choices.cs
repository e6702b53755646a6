using System.CommandLine;
using System.CommandLine.Completions;

namespace OnePassword.Users.Cli.Commands;

/// <summary>
/// An option whose value is one of a few words, matched case-insensitively (<c>-o JSON</c>,
/// <c>--state SUSPENDED</c>), as in 1Password's own <c>op</c> tool.
/// </summary>
internal static class Choices
{
    public static Option<T> Create<T>(string name, string[] aliases, IReadOnlyDictionary<string, T> values, T defaultValue, string description)
    {
        var words = string.Join("|", values.Keys);
        var option = new Option<T>(name, aliases)
        {
            Description = description,
            HelpName = words,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
                foreach (var (word, value) in values)
                {
                    if (string.Equals(word, token.Trim(), StringComparison.OrdinalIgnoreCase))
                    {
                        return value;
                    }
                }

                result.AddError($"'{token}' is not a value of {name}: use {string.Join(", ", values.Keys)}.");
                return defaultValue;
            },
        };
        option.CompletionSources.Add(_ => values.Keys.Select(word => new CompletionItem(word)));
        return option;
    }
}
