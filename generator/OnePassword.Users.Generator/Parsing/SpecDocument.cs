using System;
using System.Collections.Generic;
using System.Globalization;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;
using OnePassword.Users.Generator.Parsing.Reading;

namespace OnePassword.Users.Generator.Parsing;

/// <summary>
/// A spec file read as a tree (JSON by its own fast reader, YAML through YamlDotNet), with the
/// diagnostics found while reading it, local <c>$ref</c> resolution and the source location of
/// every node.
/// </summary>
internal sealed class SpecDocument
{
    // Subtrees that hold example payloads or values, not spec structure: a "$ref" key in them is data.
    private static readonly HashSet<string> DataKeys = new(StringComparer.Ordinal) { "example", "examples", "default", "enum", "const" };

    // Maps whose keys the spec chooses: a key "example" there is a name, and its value is structure.
    private static readonly HashSet<string> NameMaps = new(StringComparer.Ordinal)
    {
        "properties", "paths", "schemas", "parameters", "responses", "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems", "webhooks", "patternProperties", "$defs", "definitions",
    };

    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly SpecLines _lines;

    private SpecDocument(string filePath, string text, SpecMap root, List<DiagnosticInfo> diagnostics, SpecLines lines)
    {
        FilePath = filePath;
        Text = text;
        Root = root;
        _diagnostics = diagnostics;
        _lines = lines;
    }

    public string FilePath { get; }

    public string Text { get; }

    public SpecMap Root { get; }

    /// <summary>Loads the text; on failure reports OAG001/OAG002 and returns null.</summary>
    public static SpecDocument? Load(string filePath, string text, List<DiagnosticInfo> diagnostics)
    {
        var lines = new SpecLines(text);
        var read = JsonSpecReader.LooksLikeJson(text) ? JsonSpecReader.Read(text) : null;
        if (read is null || read.Error is not null)
        {
            // YAML is a superset of JSON: a flow-style YAML file starts with '{' too.
            var yaml = YamlSpecReader.Read(text);
            read = read is null || yaml.Error is null ? yaml : read;
        }

        foreach (var problem in read.Warnings)
        {
            diagnostics.Add(Problem(filePath, lines, problem));
        }

        if (read.Error is { } error)
        {
            diagnostics.Add(Problem(filePath, lines, error));
            return null;
        }

        if (read.Root is not SpecMap root)
        {
            diagnostics.Add(new DiagnosticInfo(
                DiagnosticDescriptors.NotOpenApi3.Id,
                new[] { "The spec must be a YAML or JSON object with an 'openapi' field" }.ToEquatableArray(),
                lines.Locate(filePath, 0, 0)));
            return null;
        }

        var document = new SpecDocument(filePath, text, root, diagnostics, lines);
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

        document.ReportExternalReferences();
        return document;
    }

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecNode? node, params string[] arguments) =>
        _diagnostics.Add(new DiagnosticInfo(
            descriptor.Id,
            arguments.ToEquatableArray(),
            node is null ? _lines.Locate(FilePath, 0, 0) : LocationOf(node)));

    /// <summary>Where a node is written in the spec file.</summary>
    public SpecLocation LocationOf(SpecNode node) => _lines.Locate(FilePath, node.Start, node.End);

    public SpecNode? Child(SpecMap map, string key) => map.Get(key);

    public SpecMap? Map(SpecMap map, string key) => map.Get(key) as SpecMap;

    public SpecSequence? Sequence(SpecMap map, string key) => map.Get(key) as SpecSequence;

    public string? String(SpecMap map, string key) => (map.Get(key) as SpecScalar)?.Value;

    public bool Bool(SpecMap map, string key) => OptionalBool(map, key) ?? false;

    /// <summary><see langword="true"/> or <see langword="false"/> when the key says so; null when it is absent or neither.</summary>
    public bool? OptionalBool(SpecMap map, string key)
    {
        var value = String(map, key);
        return string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? true
            : string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) ? false
            : null;
    }

    public static IEnumerable<KeyValuePair<string, SpecNode>> Entries(SpecMap? map)
    {
        if (map is null)
        {
            yield break;
        }

        foreach (var pair in map.Entries)
        {
            yield return new KeyValuePair<string, SpecNode>(pair.Key, pair.Value);
        }
    }

    /// <summary>
    /// Follows <c>$ref</c>s (local JSON pointers only) to the node they name. Reports OAG003 for a
    /// dangling or circular reference; returns null then, and for an external reference, which
    /// <see cref="Load"/> reported already.
    /// </summary>
    public SpecMap? Resolve(SpecNode node, out string? referenceName)
    {
        referenceName = null;
        var current = node;
        var hops = 0;
        while (current is SpecMap map && String(map, "$ref") is { } reference)
        {
            if (++hops > 32)
            {
                Report(DiagnosticDescriptors.UnresolvedReference, Child(map, "$ref"), reference + " (circular)");
                return null;
            }

            if (!reference.StartsWith("#", StringComparison.Ordinal))
            {
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

        return current as SpecMap;
    }

    /// <summary>Reports every <c>$ref</c> to another file, wherever it is: nothing it names can be generated.</summary>
    private void ReportExternalReferences()
    {
        // The flag marks the maps whose keys are names chosen by the spec (properties, paths...), not keywords.
        var pending = new Stack<(SpecNode Node, bool NamesOnly)>();
        pending.Push((Root, false));
        while (pending.Count > 0)
        {
            var (node, namesOnly) = pending.Pop();
            switch (node)
            {
                case SpecMap map:
                    foreach (var entry in map.Entries)
                    {
                        if (!namesOnly && entry.Key == "$ref" && entry.Value is SpecScalar { Value: var reference } && !reference.StartsWith("#", StringComparison.Ordinal))
                        {
                            Report(DiagnosticDescriptors.UnsupportedConstruct, entry.Value,
                                $"The external reference '{reference}' is not supported; put the definition in this file");
                        }
                        else if (namesOnly || (!DataKeys.Contains(entry.Key) && !entry.Key.StartsWith("x-", StringComparison.Ordinal)))
                        {
                            pending.Push((entry.Value, !namesOnly && NameMaps.Contains(entry.Key)));
                        }
                    }

                    break;
                case SpecSequence sequence:
                    foreach (var item in sequence.Children)
                    {
                        pending.Push((item, false));
                    }

                    break;
            }
        }
    }

    private SpecNode? FindPointer(string reference)
    {
        SpecNode? current = Root;
        if (reference == "#" || reference == "#/")
        {
            return current;
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var raw in reference.Substring(2).Split('/'))
        {
            var token = Unescape(raw);
            current = current switch
            {
                SpecMap map => map.Get(token),
                SpecSequence sequence when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
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

    private static DiagnosticInfo Problem(string filePath, SpecLines lines, ReadProblem problem) =>
        new(problem.DescriptorId, new[] { problem.Message }.ToEquatableArray(), lines.Locate(filePath, problem.Start, problem.End));
}
