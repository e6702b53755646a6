using System.Collections.Generic;
using System.Linq;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>
/// Writes one Kiota-style request builder: navigation to its children (properties, an indexer for
/// <c>{param}</c>, a property per colon custom method) and its operations.
/// </summary>
internal static class RequestBuilderEmitter
{
    private const string Abstractions = "global::Microsoft.Kiota.Abstractions";
    private const string Runtime = "global::OnePassword.Users.Runtime";
    private const string Dictionary = "global::System.Collections.Generic.Dictionary<string, object>";

    public static string Namespace(ApiModel api, BuilderNode node) =>
        node.NamespaceSuffix.Length == 0 ? api.Options.Namespace : api.Options.Namespace + "." + node.NamespaceSuffix;

    public static string FullName(ApiModel api, BuilderNode node) => "global::" + Namespace(api, node) + "." + node.ClassName;

    /// <returns>The hint name of the file when the type has a file of its own.</returns>
    public static string Emit(SourceWriter w, ApiModel api, BuilderNode node, string? description)
    {
        var ns = Namespace(api, node);
        w.Open("namespace " + ns);
        w.Doc(description, fallback: $"Builds requests for <c>{(node.PathTemplate.Replace("{+", "{"))}</c>.");
        w.Line(ClientEmitter.GeneratedCodeAttribute);
        w.Open($"{api.Options.Accessibility} partial class {node.ClassName} : {Runtime}.ApiRequestBuilder");
        EmitMembers(w, api, node);
        w.Doc($"Creates the builder from the parent's path.");
        w.Line("/// <param name=\"path\">The path parameters collected so far, already encoded; immutable, shared.</param>");
        w.Line("/// <param name=\"requestAdapter\">The adapter that sends the requests.</param>");
        w.Line($"public {node.ClassName}({Runtime}.ApiPath path, {Abstractions}.IRequestAdapter requestAdapter) : base(requestAdapter, {SourceWriter.Literal(UrlTemplate(node))}, path)");
        w.Open();
        w.Close();
        w.Line();
        w.Doc($"Creates the builder from Kiota-style path parameters.");
        w.Line("/// <param name=\"pathParameters\">The path parameters, already encoded; copied.</param>");
        w.Line("/// <param name=\"requestAdapter\">The adapter that sends the requests.</param>");
        w.Line($"public {node.ClassName}({Dictionary} pathParameters, {Abstractions}.IRequestAdapter requestAdapter) : base(requestAdapter, {SourceWriter.Literal(UrlTemplate(node))}, pathParameters)");
        w.Open();
        w.Close();
        w.Line();
        w.Doc("Creates the builder for a raw URL, as returned by a previous call.");
        w.Line("/// <param name=\"rawUrl\">The absolute URL.</param>");
        w.Line("/// <param name=\"requestAdapter\">The adapter that sends the requests.</param>");
        w.Line($"public {node.ClassName}(string rawUrl, {Abstractions}.IRequestAdapter requestAdapter) : base(requestAdapter, {SourceWriter.Literal(UrlTemplate(node))}, rawUrl)");
        w.Open();
        w.Close();
        w.Line();
        EmitWithUrl(w, node);
        w.Close();
        w.Close();
        return HintNames.For(ns, node.ClassName);
    }

    /// <summary>Navigation and operations; shared with the root client, which has its own constructor.</summary>
    public static void EmitMembers(SourceWriter w, ApiModel api, BuilderNode node)
    {
        foreach (var child in node.Children.Where(c => !c.IsItem && !c.IsMethod))
        {
            var summary = child.Operations.Select(o => o.Summary).FirstOrDefault(s => s is not null);
            w.Doc(summary ?? $"Navigates to <c>{(child.PathTemplate.Substring(node.PathTemplate.Length).Replace("{+", "{"))}</c>.");
            w.Line($"public {FullName(api, child)} {child.PropertyName} => new(Path, RequestAdapter);");
            w.Line();
        }

        if (node.Children.FirstOrDefault(c => c.IsItem) is { Indexer: { } indexer } item)
        {
            w.Doc($"Navigates to the item identified by <c>{(indexer.WireName)}</c>.");
            w.Line($"/// <param name=\"{indexer.ParameterName.TrimStart('@')}\">The {SourceWriter.DocInline(indexer.WireName)}; percent-encoded, so no character of it can change the route.</param>");
            w.Line($"/// <exception cref=\"global::System.ArgumentException\">The value is null, empty, <c>.</c> or <c>..</c>.</exception>");
            w.Open($"public {FullName(api, item)} this[string {indexer.ParameterName}]");
            w.Open("get");
            w.Line($"return new(WithPathParameter({SourceWriter.Literal(indexer.WireName)}, {Runtime}.PathSegment.Encode({indexer.ParameterName}, nameof({indexer.ParameterName}))), RequestAdapter);");
            w.Close();
            w.Close();
            w.Line();
        }

        foreach (var child in node.Children.Where(c => c.IsMethod))
        {
            EmitNavigationMethod(w, api, node, child);
        }

        foreach (var operation in node.Operations)
        {
            OperationEmitter.Emit(w, api, node, operation);
        }
    }

    /// <summary>A segment of literal text and parameters (<c>{Sid}.json</c>): a method taking each parameter.</summary>
    private static void EmitNavigationMethod(SourceWriter w, ApiModel api, BuilderNode node, BuilderNode child)
    {
        var summary = child.Operations.Select(o => o.Summary).FirstOrDefault(s => s is not null);
        w.Doc(summary ?? $"Navigates to <c>{child.PathTemplate.Substring(node.PathTemplate.Length).Replace("{+", "{")}</c>.");
        foreach (var parameter in child.MethodParameters)
        {
            w.Line($"/// <param name=\"{parameter.ParameterName.TrimStart('@')}\">The {SourceWriter.DocInline(parameter.WireName)}; percent-encoded, so no character of it can change the route.</param>");
        }

        w.Line("/// <returns>The request builder.</returns>");
        w.Line($"/// <exception cref=\"global::System.ArgumentException\">A value is null, empty, <c>.</c> or <c>..</c>.</exception>");
        w.Open($"public {FullName(api, child)} {child.PropertyName}({string.Join(", ", child.MethodParameters.Select(p => "string " + p.ParameterName))})");
        var path = "Path" + string.Concat(child.MethodParameters.Select(parameter =>
            $".With({SourceWriter.Literal(parameter.WireName)}, {Runtime}.PathSegment.Encode({parameter.ParameterName}, nameof({parameter.ParameterName})))"));
        w.Line($"return new({path}, RequestAdapter);");
        w.Close();
        w.Line();
    }

    /// <summary>The RFC 6570 template: base URL, the path, and every query parameter of the node's operations.</summary>
    public static string UrlTemplate(BuilderNode node)
    {
        var query = new List<string>();
        foreach (var parameter in node.Operations.SelectMany(o => o.QueryParameters))
        {
            var variable = QueryCode.TemplateVariable(parameter.WireName) + (parameter.Type.Kind == TypeKind.Array ? "*" : string.Empty);
            if (!query.Contains(variable))
            {
                query.Add(variable);
            }
        }

        return "{+baseurl}" + node.PathTemplate + (query.Count == 0 ? string.Empty : "{?" + string.Join(",", query) + "}");
    }

    private static void EmitWithUrl(SourceWriter w, BuilderNode node)
    {
        w.Doc("A builder for a raw URL (for example a URL from an earlier response); the URL is used as is.");
        w.Line("/// <param name=\"rawUrl\">The absolute URL.</param>");
        w.Line($"public {node.ClassName} WithUrl(string rawUrl) => new(rawUrl, RequestAdapter);");
    }
}
