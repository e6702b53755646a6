using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OnePassword.Users.Generator.Parsing;

/// <summary>
/// A spec file loaded as a YAML tree (JSON is read as YAML too), with the diagnostics found while
/// reading it, local <c>$ref</c> resolution and the source location of every node.
/// </summary>
internal sealed class SpecDocument
{
    private readonly List<DiagnosticInfo> _diagnostics;

    private SpecDocument(string filePath, string text, YamlMappingNode root, List<DiagnosticInfo> diagnostics)
    {
        FilePath = filePath;
        Text = text;
        Root = root;
        _diagnostics = diagnostics;
    }

    public string FilePath { get; }

    public string Text { get; }

    public YamlMappingNode Root { get; }

    /// <summary>Loads the text; on failure reports OAG001/OAG002 and returns null.</summary>
    public static SpecDocument? Load(string filePath, string text, List<DiagnosticInfo> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            diagnostics.Add(new DiagnosticInfo(
                DiagnosticDescriptors.InvalidDocument.Id,
                new[] { FirstLine(exception.InnerException?.Message ?? exception.Message) }.ToEquatableArray(),
                LocationOf(filePath, text, exception.Start, exception.End)));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Add(new DiagnosticInfo(
                DiagnosticDescriptors.NotOpenApi3.Id,
                new[] { "The spec must be a YAML or JSON object with an 'openapi' field" }.ToEquatableArray(),
                LocationOf(filePath, text, Mark.Empty, Mark.Empty)));
            return null;
        }

        var document = new SpecDocument(filePath, text, root, diagnostics);
        var version = document.String(root, "openapi");
        if (version is null || !version.StartsWith("3.", StringComparison.Ordinal))
        {
            var swagger = document.String(root, "swagger");
            var found = version ?? (swagger is null ? "no 'openapi' field" : "Swagger " + swagger);
            document.Report(
                DiagnosticDescriptors.NotOpenApi3,
                document.Child(root, "openapi") ?? root,
                "Only OpenAPI 3.0 and 3.1 documents are supported; found " + found);
            return null;
        }

        return document;
    }

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, YamlNode? node, params string[] arguments) =>
        _diagnostics.Add(new DiagnosticInfo(
            descriptor.Id,
            arguments.ToEquatableArray(),
            node is null ? LocationOf(FilePath, Text, Mark.Empty, Mark.Empty) : LocationOf(FilePath, Text, node.Start, node.End)));

    /// <summary>Where a node is written in the spec file.</summary>
    public SpecLocation LocationOf(YamlNode node) => LocationOf(FilePath, Text, node.Start, node.End);

    public YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlMappingNode? Map(YamlMappingNode map, string key) => Child(map, key) as YamlMappingNode;

    public YamlSequenceNode? Sequence(YamlMappingNode map, string key) => Child(map, key) as YamlSequenceNode;

    public string? String(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    public bool Bool(YamlMappingNode map, string key) =>
        string.Equals(String(map, key), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary><see langword="true"/> or <see langword="false"/> when the key says so; null when it is absent or neither.</summary>
    public bool? OptionalBool(YamlMappingNode map, string key) => String(map, key)?.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(YamlMappingNode? map)
    {
        if (map is null)
        {
            yield break;
        }

        foreach (var pair in map.Children)
        {
            if (pair.Key is YamlScalarNode { Value: { } key })
            {
                yield return new KeyValuePair<string, YamlNode>(key, pair.Value);
            }
        }
    }

    /// <summary>
    /// Follows <c>$ref</c>s (local JSON pointers only) to the node they name. Reports OAG003 for a
    /// dangling reference and OAG004 for an external one; returns null then.
    /// </summary>
    public YamlMappingNode? Resolve(YamlNode node, out string? referenceName)
    {
        referenceName = null;
        var current = node;
        var hops = 0;
        while (current is YamlMappingNode map && String(map, "$ref") is { } reference)
        {
            if (++hops > 32)
            {
                Report(DiagnosticDescriptors.UnresolvedReference, Child(map, "$ref"), reference + " (circular)");
                return null;
            }

            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, Child(map, "$ref"),
                    $"The external reference '{reference}' is not supported; put the definition in this file");
                return null;
            }

            var target = FindPointer(reference);
            if (target is null)
            {
                Report(DiagnosticDescriptors.UnresolvedReference, Child(map, "$ref"), reference);
                return null;
            }

            referenceName = Unescape(reference.Substring(reference.LastIndexOf('/') + 1));
            current = target;
        }

        return current as YamlMappingNode;
    }

    private YamlNode? FindPointer(string reference)
    {
        YamlNode? current = Root;
        foreach (var raw in reference.Substring(2).Split('/'))
        {
            var token = Unescape(raw);
            current = current switch
            {
                YamlMappingNode map => Child(map, token),
                YamlSequenceNode sequence when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < sequence.Children.Count => sequence.Children[index],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    private static string Unescape(string token) =>
        Uri.UnescapeDataString(token).Replace("~1", "/").Replace("~0", "~");

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n');
        return (newline < 0 ? message : message.Substring(0, newline)).Trim();
    }

    private static SpecLocation LocationOf(string filePath, string text, Mark start, Mark end)
    {
        // YamlDotNet marks are 1-based lines/columns with a 0-based character index; a missing
        // end (scalar errors) collapses to the start.
        var startLine = Math.Max(0, (int)start.Line - 1);
        var startColumn = Math.Max(0, (int)start.Column - 1);
        var endLine = Math.Max(startLine, (int)end.Line - 1);
        var endColumn = endLine == startLine ? Math.Max(startColumn, (int)end.Column - 1) : Math.Max(0, (int)end.Column - 1);
        var startIndex = (int)Math.Min(Math.Max(0, start.Index), text.Length);
        var endIndex = (int)Math.Min(Math.Max(startIndex, end.Index), text.Length);
        return new SpecLocation(filePath, startIndex, endIndex - startIndex, startLine, startColumn, endLine, endColumn);
    }
}
