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
/// <c>{parameter}</c>, a child node per colon custom method (<c>{user_id}:suspend</c>), and a
/// navigation method per segment that mixes literal text and parameters (<c>{Sid}.json</c> is
/// <c>WithSidJson(sid)</c>, <c>{base}...{head}</c> is <c>WithBaseWithHead(base, head)</c>).
/// </summary>
internal sealed class PathTreeParser
{
    private static readonly Regex SegmentPattern = new(
        @"^(?:\{(?<param>[^{}:]+)\}|(?<literal>[^{}:]+))(?::(?<verb>[A-Za-z][A-Za-z0-9_\-]*))?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Regex TemplatePart = new(@"\{(?<param>[^{}]*)\}|(?<literal>[^{}]+)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Regex VersionSegment = new(@"^v[0-9]+([a-z]+[0-9]*)?$", RegexOptions.CultureInvariant);

    private readonly SpecDocument _document;
    private readonly OperationParser _operations;
    private readonly ClientOptions _options;

    public PathTreeParser(SpecDocument document, SchemaMapper schemas, ClientOptions options)
    {
        _document = document;
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

        var root = new NodeBuilder(string.Empty, _options.ClientName, string.Empty, Prefix, null, [], "the client", isRoot: true);
        var operationNames = new NameScope();
        foreach (var path in paths)
        {
            var keyNode = _document.Map(_document.Root, "paths")!.KeyNode(path.Key)!;
            var node = Walk(root, path.Key, Segments(path.Key).Skip(prefixLength).ToList(), keyNode);
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
                    // Only paths that differ in parameter names alone (/a/{x} and /a/{y}) get here: one URL, one method.
                    _document.Report(DiagnosticDescriptors.NameCollision, operation, $"{method.ToUpperInvariant()} {path.Key}", pascalMethod + "Async", $"the request builder for '{node.Origin}'");
                    continue;
                }

                var operationId = _document.String(operation, "operationId");
                var candidate = Identifiers.ToPascalCase(operationId ?? method + "_" + path.Key);
                var name = operationNames.Take(candidate);
                if (name != candidate)
                {
                    _document.Report(DiagnosticDescriptors.Renamed, _document.Child(operation, "operationId") ?? operation,
                        $"Operation '{operationId ?? method.ToUpperInvariant() + " " + path.Key}'", name, candidate, "another operation");
                }

                if (_operations.Parse(path.Key, item, method, pascalMethod, operation, name) is { } parsed)
                {
                    node.Operations.Add(parsed);
                }
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
                node = Mixed(node, segment, path, pathNode);
                if (node is null)
                {
                    return null;
                }

                continue;
            }

            node = match.Groups["param"].Success
                ? node.ItemFor(match.Groups["param"].Value)
                : Child(node, match.Groups["literal"].Value, "/", path, pathNode);

            if (match.Groups["verb"].Success)
            {
                node = Child(node, match.Groups["verb"].Value, ":", path, pathNode);
            }
        }

        return node;
    }

    private NodeBuilder Child(NodeBuilder parent, string literal, string separator, string path, SpecNode pathNode)
    {
        var origin = separator + literal;
        if (parent.Children.TryGetValue(origin, out var existing))
        {
            return existing;
        }

        var candidate = Identifiers.ToPascalCase(literal);
        var property = parent.Members.Take(candidate);
        var namespaceName = parent.Namespaces.Take(property);
        if (property != candidate)
        {
            _document.Report(DiagnosticDescriptors.Renamed, pathNode, $"'{origin}' in '{path}'", property, candidate, "another member of the request builder");
        }

        var child = new NodeBuilder(
            property,
            Identifiers.Bound(namespaceName + "RequestBuilder", Identifiers.MaxLength + 14),
            Namespace(parent, namespaceName),
            parent.PathTemplate + separator + Uri.EscapeDataString(literal).Replace("%3A", ":"),
            null,
            [],
            origin);
        parent.Children[origin] = child;
        return child;
    }

    /// <summary>A segment of literal text and parameters: a navigation method taking each parameter.</summary>
    private NodeBuilder? Mixed(NodeBuilder parent, string segment, string path, SpecNode pathNode)
    {
        var parts = TemplatePart.Matches(segment).Cast<Match>().ToList();
        if (parts.Sum(p => p.Length) != segment.Length || parts.Any(p => p.Groups["param"].Success && p.Groups["param"].Value.Length == 0))
        {
            _document.Report(DiagnosticDescriptors.UnsupportedConstruct, pathNode,
                $"The path segment '{segment}' of '{path}' has unbalanced or empty braces; the path is skipped");
            return null;
        }

        var origin = "/" + segment;
        if (parent.Children.TryGetValue(origin, out var existing))
        {
            return existing;
        }

        var name = new StringBuilder();
        var template = new StringBuilder(parent.PathTemplate).Append('/');
        var parameters = new List<PathParameterInfo>();
        var parameterNames = new NameScope();
        foreach (var part in parts)
        {
            if (part.Groups["literal"].Success)
            {
                // Punctuation between parameters ({base}...{head}) adds nothing to the name.
                name.Append(part.Value.Any(char.IsLetterOrDigit) ? Identifiers.ToPascalCase(part.Value).TrimStart('_') : string.Empty);
                template.Append(Uri.EscapeDataString(part.Value).Replace("%3A", ":"));
                continue;
            }

            var wireName = part.Groups["param"].Value;
            name.Append("With").Append(Identifiers.ToPascalCase(wireName).TrimStart('_'));
            var variable = NodeBuilder.TemplateVariable(wireName);
            template.Append("{+").Append(variable).Append('}');
            parameters.Add(new PathParameterInfo(variable, parameterNames.Take(Identifiers.ToCamelCase(wireName))));
        }

        var candidate = Identifiers.Bound(name.ToString());
        var method = parent.Members.Take(candidate);
        var namespaceName = parent.Namespaces.Take(method);
        if (method != candidate)
        {
            _document.Report(DiagnosticDescriptors.Renamed, pathNode, $"'{origin}' in '{path}'", method, candidate, "another member of the request builder");
        }

        var child = new NodeBuilder(method, namespaceName + "RequestBuilder", Namespace(parent, namespaceName), template.ToString(), null, parameters, origin);
        parent.Children[origin] = child;
        return child;
    }

    /// <summary>The namespace of a child; a very deep path keeps its namespace short with a hash.</summary>
    private static string Namespace(NodeBuilder parent, string name)
    {
        var full = parent.NamespaceSuffix.Length == 0 ? name : parent.NamespaceSuffix + "." + name;
        return full.Length <= 300 ? full : "Deep.N" + Identifiers.Hash(full) + "." + name;
    }

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
        private static readonly string[] BuilderMembers =
            ["WithUrl", "Path", "PathParameters", "RequestAdapter", "UrlTemplate", "WithPathParameter", "CreateRequestInformation"];

        private static readonly string[] ClientMembers = ["Description", "Create", "Dispose", "DisposeAsync"];

        public NodeBuilder(string propertyName, string className, string namespaceSuffix, string pathTemplate, PathParameterInfo? indexer, List<PathParameterInfo> methodParameters, string origin, bool isRoot = false)
        {
            PropertyName = propertyName;
            ClassName = className;
            NamespaceSuffix = namespaceSuffix;
            PathTemplate = pathTemplate;
            Indexer = indexer;
            MethodParameters = methodParameters;
            Origin = origin;

            // Child properties share the class with its operations, inherited members and nested query classes.
            Members = new NameScope([className, .. BuilderMembers, .. NameScope.ObjectMembers, .. isRoot ? ClientMembers : []]);
            foreach (var method in OpenApiMethods.All.Select(Identifiers.ToPascalCase))
            {
                Members.Reserve(method + "Async");
                Members.Reserve("To" + method + "RequestInformation");
                Members.Reserve(className + method + "QueryParameters");
            }

            // Child namespaces share this namespace with the builder class and the item namespace (and, at the root, Models).
            Namespaces = new NameScope([className, "Item", .. isRoot ? new[] { "Models" } : []]);
        }

        public string PropertyName { get; }

        public string ClassName { get; }

        public string NamespaceSuffix { get; }

        public string PathTemplate { get; }

        public PathParameterInfo? Indexer { get; }

        public List<PathParameterInfo> MethodParameters { get; }

        public string Origin { get; }

        public NameScope Members { get; }

        public NameScope Namespaces { get; }

        /// <summary>Children by where they come from in the path (<c>/users</c>, <c>:suspend</c>, <c>/{Sid}.json</c>).</summary>
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
                    [],
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
                Operations.ToEquatableArray(),
                MethodParameters.ToEquatableArray());
        }

        /// <summary>RFC 6570 variable names allow letters, digits and '_' only.</summary>
        public static string TemplateVariable(string wireName)
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
