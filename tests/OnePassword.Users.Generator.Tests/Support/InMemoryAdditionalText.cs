using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace OnePassword.Users.Generator.Tests.Support;

/// <summary>A spec handed to the generator as an AdditionalFile, with its item metadata.</summary>
internal sealed record SpecInput(string Path, string Text, IReadOnlyDictionary<string, string> Metadata)
{
    public static SpecInput Users(string text, string ns = "Contoso.Users", string clientName = "UsersClient", string accessibility = "public") =>
        new("/specs/users-api.yaml", text, Options(ns, clientName, accessibility));

    public static IReadOnlyDictionary<string, string> Options(string ns, string clientName, string accessibility = "public") => new Dictionary<string, string>
    {
        ["OpenApiSpec"] = "true",
        ["OpenApiNamespace"] = ns,
        ["OpenApiClientName"] = clientName,
        ["OpenApiAccessibility"] = accessibility,
    };
}

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Item metadata as the compiler exposes it to generators (<c>build_metadata.AdditionalFiles.*</c>).</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byPath) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new DictionaryOptions(byPath.TryGetValue(textFile.Path, out var metadata)
            ? metadata.ToImmutableDictionary(pair => "build_metadata.AdditionalFiles." + pair.Key, pair => pair.Value)
            : ImmutableDictionary<string, string>.Empty);

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
