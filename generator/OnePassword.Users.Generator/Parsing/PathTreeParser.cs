using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;
using OnePassword.Users.Generator.Naming;
using OnePassword.Users.Generator.Parsing.Reading;

namespace OnePassword.Users.Generator.Parsing;

/// <summary>
/// Builds the request-builder tree from the spec's paths: one node per segment, an item node per
/// <c>{parameter}</c>, and a child node per colon custom method (<c>{user_id}:suspend</c>).
/// </summary>
internal sealed class PathTreeParser
{
    private static readonly Regex SegmentPattern = new(
        @"^(?:\{(?<param>[^{}:]+)\}|(?<literal>[^{}:]+))(?::(?<verb>[A-Za-z][A-Za-z0-9_\-]*))?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Regex VersionSegment = new(@"^v[0-9]+([a-z]+[0-9]*)?$", RegexOptions.CultureInvariant);

    private readonly SpecDocument _document;
    private readonly SchemaMapper _schemas;
    private readonly OperationParser _operations;
    private readonly ClientOptions _options;

    public PathTreeParser(SpecDocument document, SchemaMapper schemas, ClientOptions options)
    {
        _document = document;
        _schemas = schemas;
        _options = options;
        _operations = new OperationParser(document, schemas);
    }

    public string Prefix { get; private set; } = string.Empty;

    public BuilderNode Root { get; private set; } = null!;

    public PathTreeParser Parse()
    {
        var paths = SpecDocument.Entries(_document.Map(_document.Root, "paths")).ToList();
        var prefixLength = CommonLiteralPrefix(paths.Select(p => Segments(p.Key)).ToList());
        var prefixSegments = paths.Count == 0 ? [] : Segments(paths[0].Key).Take(prefixLength).ToList();
        Prefix = prefixSegments.Count == 0 ? string.Empty : "/" + string.Join("/", prefixSegments);

        var root = new NodeBuilder(string.Empty, _options.ClientName, string.Empty, Prefix, null, "the client");
        var operationNames = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var node = Walk(root, path.Key, Segments(path.Key).Skip(prefixLength).ToList(), path.Value);
            if (node is null || _document.Resolve(path.Value, out _) is not { } item)
            {
                continue;
            }

            foreach (var method in OpenApiMethods.All)
            {
                if (_document.Child(item, method) is not { } operationNode || _document.Resolve(operationNode, out _) is not { } operation)
                {
                    continue;
                }

                var pascalMethod = Identifiers.ToPascalCase(method);
                if (node.Operations.Any(o => o.Method == pascalMethod))
                {
                    _document.Report(DiagnosticDescriptors.NameCollision, operation, $"{method.ToUpperInvariant()} {path.Key}", pascalMethod + "Async", $"the request builder for '{node.Origin}'");
                    continue;
                }

                var parsed = _operations.Parse(path.Key, item, method, pascalMethod, operation);
                if (parsed is null)
                {
                    continue;
                }

                if (operationNames.TryGetValue(parsed.Name, out _))
                {
                    _document.Report(DiagnosticDescriptors.NameCollision, _document.Child(operation, "operationId") ?? operation,
                        $"Operation '{parsed.OperationId}'", parsed.Name, "another operation");
                    continue;
                }

                operationNames[parsed.Name] = operation;
                node.Operations.Add(parsed);
            }
        }

        Root = root.Freeze();
        return this;
    }

    private NodeBuilder? Walk(NodeBuilder root, string path, List<string> segments, SpecNode pathNode)
    {
        var node = root;
        foreach (var segment in segments)
        {
            var match = SegmentPattern.Match(segment);
            if (!match.Success)
            {
                _document.Report(DiagnosticDescriptors.UnsupportedConstruct, KeyNode(path) ?? pathNode,
                    $"The path segment '{segment}' of '{path}' is not supported (use 'name', '{{param}}' or '{{param}}:verb'); the path is skipped");
                return null;
            }

            node = match.Groups["param"].Success
                ? node.ItemFor(match.Groups["param"].Value)
                : Child(node, match.Groups["literal"].Value, "/", path, pathNode);
            if (node is null)
            {
                return null;
            }

            if (match.Groups["verb"].Success)
            {
                node = Child(node, match.Groups["verb"].Value, ":", path, pathNode);
                if (node is null)
                {
                    return null;
                }
            }
        }

        return node;
    }

    private NodeBuilder? Child(NodeBuilder parent, string literal, string separator, string path, SpecNode pathNode)
    {
        var property = Identifiers.ToPascalCase(literal);
        var origin = separator + literal;
        if (parent.Children.TryGetValue(property, out var existing))
        {
            if (existing.Origin == origin)
            {
                return existing;
            }

            _document.Report(DiagnosticDescriptors.NameCollision, KeyNode(path) ?? pathNode, $"'{origin}' in '{path}'", property, $"'{existing.Origin}'");
            return null;
        }

        var child = new NodeBuilder(
            property,
            property + "RequestBuilder",
            parent.NamespaceSuffix.Length == 0 ? property : parent.NamespaceSuffix + "." + property,
            parent.PathTemplate + separator + Uri.EscapeDataString(literal).Replace("%3A", ":"),
            null,
            origin);
        parent.Children[property] = child;
        return child;
    }

    private SpecNode? KeyNode(string path) =>
        _document.Map(_document.Root, "paths")?.KeyNode(path);

    private static List<string> Segments(string path) =>
        path.Split(['/'], StringSplitOptions.RemoveEmptyEntries).ToList();

    private static int CommonLiteralPrefix(List<List<string>> paths)
    {
        if (paths.Count == 0)
        {
            return 0;
        }

        // Only a prefix ending in a version segment (/v1beta1, /api/v2) moves into the base URL:
        // it changes between API versions while the resource paths below it stay.
        var common = 0;
        var length = 0;
        while (paths.All(p => p.Count > common + 1)
            && paths.All(p => p[common] == paths[0][common])
            && paths[0][common].IndexOfAny(['{', ':']) < 0)
        {
            common++;
            if (VersionSegment.IsMatch(paths[0][common - 1]))
            {
                length = common;
            }
        }

        return length;
    }

    /// <summary>The mutable tree used while walking the paths; frozen into <see cref="BuilderNode"/>s.</summary>
    private sealed class NodeBuilder
    {
        public NodeBuilder(string propertyName, string className, string namespaceSuffix, string pathTemplate, PathParameterInfo? indexer, string origin)
        {
            PropertyName = propertyName;
            ClassName = className;
            NamespaceSuffix = namespaceSuffix;
            PathTemplate = pathTemplate;
            Indexer = indexer;
            Origin = origin;
        }

        public string PropertyName { get; }

        public string ClassName { get; }

        public string NamespaceSuffix { get; }

        public string PathTemplate { get; }

        public PathParameterInfo? Indexer { get; }

        public string Origin { get; }

        public Dictionary<string, NodeBuilder> Children { get; } = new(StringComparer.Ordinal);

        public NodeBuilder? Item { get; private set; }

        public List<OperationModel> Operations { get; } = [];

        public NodeBuilder ItemFor(string wireName)
        {
            if (Item is null)
            {
                var variable = TemplateVariable(wireName);
                var baseName = PropertyName.Length == 0 ? "Root" : ClassName.Substring(0, ClassName.Length - "RequestBuilder".Length);
                Item = new NodeBuilder(
                    string.Empty,
                    baseName + "ItemRequestBuilder",
                    NamespaceSuffix.Length == 0 ? "Item" : NamespaceSuffix + ".Item",
                    PathTemplate + "/{+" + variable + "}",
                    new PathParameterInfo(variable, Identifiers.ToCamelCase(wireName)),
                    "{" + wireName + "}");
            }

            return Item;
        }

        public BuilderNode Freeze()
        {
            var children = Children.Values.OrderBy(c => c.PropertyName, StringComparer.Ordinal).Select(c => c.Freeze()).ToList();
            if (Item is not null)
            {
                children.Add(Item.Freeze());
            }

            return new BuilderNode(
                PropertyName,
                ClassName,
                NamespaceSuffix,
                PathTemplate,
                Indexer,
                children.ToEquatableArray(),
                Operations.ToEquatableArray());
        }

        /// <summary>RFC 6570 variable names allow letters, digits and '_' only.</summary>
        private static string TemplateVariable(string wireName)
        {
            var builder = new StringBuilder(wireName.Length);
            foreach (var c in wireName)
            {
                builder.Append(c < 128 && (char.IsLetterOrDigit(c) || c == '_') ? c : '_');
            }

            return builder.ToString();
        }
    }
}
