using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace OnePassword.Users.Generator.Tests.Support;

/// <summary>
/// A spec handed to the generator as an AdditionalFile, with its item metadata and the
/// properties of the .editorconfig sections that match its path.
/// </summary>
internal sealed record SpecInput(string Path, string Text, IReadOnlyDictionary<string, string> Metadata, IReadOnlyDictionary<string, string>? EditorConfig = null)
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

/// <summary>
/// Options as the compiler exposes them to generators: item metadata as
/// <c>build_metadata.AdditionalFiles.*</c>, .editorconfig properties as they are, keys compared
/// without case.
/// </summary>
internal sealed class TestOptionsProvider(IReadOnlyList<SpecInput> specs) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new DictionaryOptions(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specs.Where(s => s.Path == textFile.Path))
        {
            foreach (var (key, value) in spec.Metadata)
            {
                values["build_metadata.AdditionalFiles." + key] = value;
            }

            foreach (var (key, value) in spec.EditorConfig ?? ImmutableDictionary<string, string>.Empty)
            {
                values[key] = value;
            }
        }

        return new DictionaryOptions(values.ToImmutable());
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
