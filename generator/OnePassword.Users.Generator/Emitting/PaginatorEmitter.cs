using System.Collections.Generic;
using System.Linq;
using OnePassword.Users.Generator.Model;
using OnePassword.Users.Generator.Naming;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>
/// Writes paginator extension methods for the list operations of a request builder:
/// <c>ListAllAsync</c> (every item, pages fetched lazily) and <c>ListPagesAsync</c> (page by
/// page, resumable from a saved token).
/// </summary>
internal static class PaginatorEmitter
{
    private const string Runtime = "global::OnePassword.Users.Runtime";

    /// <summary>The request builders with list operations, each with those operations.</summary>
    public static IEnumerable<(BuilderNode Node, List<OperationModel> Operations)> Paginated(ApiModel api)
    {
        foreach (var node in ClientEmitter.Descendants(api.Root).Prepend(api.Root))
        {
            var paginated = node.Operations.Where(o => o.Pagination is not null).ToList();
            if (paginated.Count > 0)
            {
                yield return (node, paginated);
            }
        }
    }

    /// <returns>The hint name of the file when the type has a file of its own.</returns>
    public static string Emit(SourceWriter w, ApiModel api, BuilderNode node, List<OperationModel> operations)
    {
        // The extensions live in the client's namespace, which users import anyway, so
        // ListAllAsync shows up without a using for the builder's deep namespace.
        var ns = api.Options.Namespace;
        var builder = RequestBuilderEmitter.FullName(api, node);
        var className = (node.NamespaceSuffix.Length == 0 ? api.Options.ClientName : node.NamespaceSuffix.Replace(".", string.Empty)) + "PaginationExtensions";
        w.Open("namespace " + ns);
        w.Doc($"Paginators for <c>{node.ClassName}</c>: every page of its list operations, fetched lazily.");
        w.Line(ClientEmitter.GeneratedCodeAttribute);
        w.Open($"{api.Options.Accessibility} static class {className}");
        var first = true;
        foreach (var operation in operations)
        {
            EmitOperation(w, api, builder, operation, first ? "List" : operation.Name);
            first = false;
        }

        w.Close();
        w.Close();
        return HintNames.For(ns, className);
    }

    private static void DocListParameters(SourceWriter w, List<QueryParameterModel> filters, PaginationModel pagination)
    {
        w.Line("/// <param name=\"builder\">The request builder of the list.</param>");
        foreach (var q in filters)
        {
            w.Line($"/// <param name=\"{q.ArgumentName.TrimStart('@')}\">{SourceWriter.DocInline(q.Description ?? "The " + q.WireName + " query parameter.")}</param>");
        }

        if (pagination.PageSizeProperty is not null)
        {
            w.Line("/// <param name=\"pageSize\">The most items per page; null for the server's default.</param>");
        }
    }

    private static void EmitOperation(SourceWriter w, ApiModel api, string builder, OperationModel operation, string prefix)
    {
        var models = api.Options.Namespace + ".Models";
        var pagination = operation.Pagination!;
        var item = CSharpTypes.Name(pagination.ItemType, models);
        var filters = operation.QueryParameters
            .Where(q => q.PropertyName != pagination.PageTokenProperty && q.PropertyName != pagination.PageSizeProperty)
            .OrderBy(q => q.Required ? 0 : 1)
            .ToList();
        var parameters = filters.Select(q => $"{CSharpTypes.Nullable(q.Type, models)} {q.ArgumentName}{(q.Required ? string.Empty : " = null")}").ToList();
        if (pagination.PageSizeProperty is not null)
        {
            parameters.Add("int? pageSize = null");
        }

        var parameterList = string.Join(", ", parameters.Prepend($"this {builder} builder"));
        var arguments = string.Join(", ", filters.Select(q => q.ArgumentName).Concat(pagination.PageSizeProperty is null ? [] : ["pageSize"]));
        var fetchName = "Fetch" + operation.Name + "PageAsync";
        var pageable = $"{Runtime}.Pageable<{item}>";

        w.Doc(
            $"Every item of <c>{operation.OperationId}</c> across all pages; pages are fetched as the enumeration reaches them.",
            "Use it with <c>await foreach</c>. The list ends when the next-page token is absent or empty; a repeated token throws a PaginationException instead of looping forever.");
        DocListParameters(w, filters, pagination);
        w.Line("/// <param name=\"cancellationToken\">Stops the enumeration between and during page requests.</param>");
        w.Line("/// <returns>The items, also enumerable page by page with AsPages.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"pageSize\"/> is outside the bounds of the spec; thrown before any request.</exception>");
        w.Open($"public static {pageable} {prefix}AllAsync({parameterList}, global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(builder);");
        var min = QueryCode.Bound(new TypeRef(TypeKind.Int64), pagination.MinimumPageSize);
        var max = QueryCode.Bound(new TypeRef(TypeKind.Int64), pagination.MaximumPageSize);
        if (pagination.PageSizeProperty is not null && (min is not null || max is not null))
        {
            var conditions = SourceWriter.Join(" || ", min is null ? string.Empty : $"size < {min}", max is null ? string.Empty : $"size > {max}");
            w.Open($"if (pageSize is {{ }} size && ({conditions}))");
            w.Line($"throw new global::System.ArgumentOutOfRangeException(nameof(pageSize), size, {SourceWriter.Literal($"The page size must be between {pagination.MinimumPageSize ?? "1"} and {pagination.MaximumPageSize ?? "any"}.")});");
            w.Close();
        }

        w.Line($"return new {pageable}((pageToken, token) => {fetchName}(builder, {SourceWriter.Join(", ", arguments, "pageToken", "token")}), null, {pageable}.DefaultMaxPages, cancellationToken);");
        w.Close();
        w.Line();

        w.Doc(
            $"The pages of <c>{operation.OperationId}</c>, each with its items and next-page token, starting at a saved page token when one is given.",
            "Save a page's NextPageToken to resume the list later from where it stopped.");
        DocListParameters(w, filters, pagination);
        w.Line("/// <param name=\"pageToken\">A next-page token saved earlier; null to start at the first page.</param>");
        w.Line("/// <param name=\"cancellationToken\">Stops the enumeration between and during page requests.</param>");
        w.Line("/// <returns>The pages.</returns>");
        w.Line($"public static global::System.Collections.Generic.IAsyncEnumerable<{Runtime}.Page<{item}>> {prefix}PagesAsync({parameterList}, string? pageToken = null, global::System.Threading.CancellationToken cancellationToken = default) =>");
        w.Line($"    {prefix}AllAsync({SourceWriter.Join(", ", "builder", arguments)}).AsPages(pageToken, cancellationToken);");
        w.Line();

        var fetchParameters = string.Join(", ", filters.Select(q => $"{CSharpTypes.Nullable(q.Type, models)} {q.ArgumentName}")
            .Concat(pagination.PageSizeProperty is null ? [] : ["int? pageSize"])
            .Prepend($"{builder} builder")
            .Concat(["string? pageToken", "global::System.Threading.CancellationToken cancellationToken"]));
        w.Open($"private static async global::System.Threading.Tasks.Task<{Runtime}.Page<{item}>> {fetchName}({fetchParameters})");
        w.Open($"var response = await builder.{operation.Method}Async(request =>");
        foreach (var q in filters)
        {
            w.Line($"request.QueryParameters.{q.PropertyName} = {q.ArgumentName};");
        }

        if (pagination.PageSizeProperty is not null)
        {
            w.Line($"request.QueryParameters.{pagination.PageSizeProperty} = pageSize;");
        }

        w.Line($"request.QueryParameters.{pagination.PageTokenProperty} = pageToken;");
        w.Close("}, cancellationToken).ConfigureAwait(false);");
        var response = api.Objects.First(o => o.Name == pagination.ResponseType.Name).AllProperties.ToList();
        var items = response.First(p => p.WireName == pagination.ItemsWireName).Name;
        var next = response.First(p => p.WireName == pagination.NextPageTokenWireName).Name;
        w.Line($"return new {Runtime}.Page<{item}>((global::System.Collections.Generic.IReadOnlyList<{item}>?)response.{items} ?? [], response.{next});");
        w.Close();
    }
}
