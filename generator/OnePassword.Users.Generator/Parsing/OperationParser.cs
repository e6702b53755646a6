using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;
using OnePassword.Users.Generator.Naming;
using OnePassword.Users.Generator.Parsing.Reading;

namespace OnePassword.Users.Generator.Parsing;

/// <summary>Reads one operation: its parameters, body, success type, errors and pagination.</summary>
internal sealed class OperationParser
{
    private static readonly Regex PathParameter = new(@"\{(?<name>[^{}]+)\}", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private readonly SpecDocument _document;
    private readonly SchemaMapper _schemas;

    public OperationParser(SpecDocument document, SchemaMapper schemas)
    {
        _document = document;
        _schemas = schemas;
    }

    /// <param name="name">The operation's C# name, unique in the client (from its operationId).</param>
    public OperationModel? Parse(string path, SpecMap pathItem, string method, string pascalMethod, SpecMap operation, string name)
    {
        var operationId = _document.String(operation, "operationId");
        var parameters = Parameters(pathItem, operation);
        CheckPathParameters(path, operation, parameters);

        var query = new List<QueryParameterModel>();
        var properties = new NameScope(["AddTo", .. NameScope.ObjectMembers]);
        var arguments = new NameScope(PaginatorArguments);
        foreach (var (parameter, wireName) in parameters.Where(p => p.In == "query").Select(p => (p.Node, p.Name)))
        {
            var candidate = Identifiers.ToPascalCase(wireName);
            var property = properties.Take(candidate);
            if (property != candidate)
            {
                _document.Report(DiagnosticDescriptors.Renamed, parameter, $"Query parameter '{wireName}' of '{operationId ?? path}'", property, candidate, "another query parameter");
            }

            var schemaNode = _document.Child(parameter, "schema");
            var type = _schemas.Map(schemaNode, name + property, out _);
            if (type.Kind is TypeKind.Object or TypeKind.Json or TypeKind.Map or TypeKind.Union
                || (type.Kind == TypeKind.Array && type.Item!.Kind is TypeKind.Object or TypeKind.Json or TypeKind.Array or TypeKind.Map or TypeKind.Union))
            {
                _document.Report(DiagnosticDescriptors.UnsupportedConstruct, parameter,
                    $"Query parameter '{wireName}' has an object schema, which is not supported; it is skipped");
                continue;
            }

            var schema = schemaNode is null ? null : _document.Resolve(schemaNode, out _);
            query.Add(new QueryParameterModel(
                wireName,
                property,
                arguments.Take(Identifiers.ToCamelCase(wireName)),
                type,
                _document.Bool(parameter, "required"),
                _document.String(parameter, "description") ?? (schema is null ? null : _schemas.Description(schema)),
                schema is null ? null : _document.String(schema, "minimum"),
                schema is null ? null : _document.String(schema, "maximum"),
                schema is null ? null : _document.String(schema, "default")));
        }

        var body = RequestBody(operation, name, path);
        if (body is { } failed && failed.Type is null)
        {
            return null;
        }

        var responses = _document.Map(operation, "responses");
        var (successType, successContentType) = Success(responses, name);
        var errors = SpecDocument.Entries(responses).Select(e => e.Key)
            .Where(code => code.StartsWith("4", StringComparison.Ordinal) || code.StartsWith("5", StringComparison.Ordinal) || code == "default")
            .OrderBy(code => code, StringComparer.Ordinal)
            .ToEquatableArray();

        // Safe methods change nothing; PUT and DELETE are idempotent by HTTP's definition. A POST
        // that is idempotent (the Users API's :suspend) says so with x-idempotent, so transport
        // failures after it was sent may be retried.
        var httpMethod = method.ToUpperInvariant();
        var safe = httpMethod is "GET" or "HEAD" or "OPTIONS" or "TRACE";
        return new OperationModel(
            pascalMethod,
            operationId ?? string.Empty,
            name,
            path,
            _document.OptionalBool(operation, "x-idempotent") ?? (safe || httpMethod is "PUT" or "DELETE"),
            _document.OptionalBool(operation, "x-audit") ?? !safe,
            _document.String(operation, "summary"),
            _document.String(operation, "description"),
            _document.Bool(operation, "deprecated"),
            _document.String(operation, "x-permission"),
            query.ToEquatableArray(),
            body?.Type,
            successType,
            successContentType,
            errors,
            Pagination(operation, method, query, successType));
    }

    // The paginators' own parameters and locals, which a query parameter's argument must not shadow.
    private static readonly string[] PaginatorArguments = ["builder", "pageSize", "pageToken", "cancellationToken", "token", "request", "response", "size"];

    private sealed record ParameterEntry(string Name, string In, SpecMap Node);

    /// <summary>Path-level parameters overridden by operation-level ones with the same name and location.</summary>
    private List<ParameterEntry> Parameters(SpecMap pathItem, SpecMap operation)
    {
        var result = new List<ParameterEntry>();
        foreach (var list in new[] { _document.Sequence(pathItem, "parameters"), _document.Sequence(operation, "parameters") })
        {
            foreach (var node in list?.Children ?? [])
            {
                if (_document.Resolve(node, out _) is not { } parameter
                    || _document.String(parameter, "name") is not { } parameterName
                    || _document.String(parameter, "in") is not { } location)
                {
                    continue;
                }

                result.RemoveAll(p => p.Name == parameterName && p.In == location);
                result.Add(new ParameterEntry(parameterName, location, parameter));
            }
        }

        return result;
    }

    private void CheckPathParameters(string path, SpecMap operation, List<ParameterEntry> parameters)
    {
        var inTemplate = PathParameter.Matches(path).Cast<Match>().Select(m => m.Groups["name"].Value).ToList();
        var declared = parameters.Where(p => p.In == "path").Select(p => p.Name).ToList();
        foreach (var missing in inTemplate.Except(declared))
        {
            _document.Report(DiagnosticDescriptors.PathParameterMismatch, operation,
                $"The path '{path}' uses '{{{missing}}}', which the operation does not declare as a path parameter");
        }

        foreach (var extra in declared.Except(inTemplate))
        {
            _document.Report(DiagnosticDescriptors.PathParameterMismatch, parameters.First(p => p.Name == extra && p.In == "path").Node,
                $"The path parameter '{extra}' does not appear in the path '{path}'");
        }
    }

    private sealed record BodyResult(RequestBodyModel? Type);

    private BodyResult? RequestBody(SpecMap operation, string name, string path)
    {
        if (_document.Child(operation, "requestBody") is not { } node)
        {
            return null;
        }

        if (_document.Resolve(node, out _) is not { } body)
        {
            return new BodyResult(null);
        }

        // JSON first, then a form, then */* read as JSON, then any other single media type as a raw stream.
        var contents = SpecDocument.Entries(_document.Map(body, "content"))
            .Select(content => (Type: content.Key.Split(';')[0].Trim(), Media: content.Value as SpecMap, Node: content.Value))
            .ToList();
        var chosen = contents.Where(c => IsJson(c.Type)).Concat(contents.Where(c => c.Type == RequestBodyModel.Form))
            .Concat(contents.Where(c => c.Type is "*/*" or "application/*")).Select(c => (Chosen: c, Raw: false))
            .Concat(contents.Where(c => !c.Type.StartsWith("multipart/", StringComparison.Ordinal)).Select(c => (Chosen: c, Raw: true)))
            .Cast<((string Type, SpecMap? Media, SpecNode Node) Chosen, bool Raw)?>()
            .FirstOrDefault();
        if (chosen is not { } found)
        {
            _document.Report(DiagnosticDescriptors.UnsupportedConstruct, node,
                $"The request body of '{path}' is multipart only, which is not supported; the operation is skipped");
            return new BodyResult(null);
        }

        var required = _document.Bool(body, "required");
        var description = _document.String(body, "description");
        if (found.Raw)
        {
            return new BodyResult(new RequestBodyModel(new TypeRef(TypeKind.Bytes), found.Chosen.Type, required, description, IsStream: true));
        }

        var schema = found.Chosen.Media is { } media ? _document.Child(media, "schema") : null;
        var type = _schemas.Map(schema, name + "RequestBody", out _);
        var contentType = found.Chosen.Type is "*/*" or "application/*" ? "application/json" : found.Chosen.Type;
        if (contentType == RequestBodyModel.Form && type.Kind != TypeKind.Object)
        {
            _document.Report(DiagnosticDescriptors.UnsupportedConstruct, schema ?? found.Chosen.Node,
                $"The form body of '{path}' must be an object schema; the operation is skipped");
            return new BodyResult(null);
        }

        return new BodyResult(new RequestBodyModel(type, contentType, required, description));
    }

    private static bool IsJson(string contentType) =>
        contentType == "application/json" || contentType.EndsWith("+json", StringComparison.Ordinal);

    private (TypeRef? Type, string? ContentType) Success(SpecMap? responses, string name)
    {
        var success = SpecDocument.Entries(responses)
            .Where(e => e.Key.StartsWith("2", StringComparison.Ordinal))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (success.Value is null || _document.Resolve(success.Value, out _) is not { } response)
        {
            return (null, null);
        }

        foreach (var content in SpecDocument.Entries(_document.Map(response, "content")))
        {
            var contentType = content.Key.Split(';')[0].Trim();
            if (IsJson(contentType) || contentType is "*/*" or "application/*")
            {
                var schema = content.Value is SpecMap media ? _document.Child(media, "schema") : null;
                return (_schemas.Map(schema, name + "Response", out _), IsJson(contentType) ? contentType : "application/json");
            }
        }

        return (null, null);
    }

    /// <summary>
    /// AIP-158 pagination: a page token query parameter, an optional page size, and a response
    /// with a next-page token and one array. <c>x-pagination</c> names them where a spec differs.
    /// </summary>
    private PaginationModel? Pagination(SpecMap operation, string method, List<QueryParameterModel> query, TypeRef? response)
    {
        var extension = _document.Map(operation, "x-pagination");
        if ((method != "get" && extension is null) || response?.Kind != TypeKind.Object)
        {
            return null;
        }

        var tokenName = extension is null ? "page_token" : _document.String(extension, "pageToken");
        var sizeNames = extension is null ? new[] { "max_page_size", "page_size" } : [_document.String(extension, "pageSize") ?? string.Empty];
        var nextName = extension is null ? "next_page_token" : _document.String(extension, "nextPageToken");
        var itemsName = extension is null ? null : _document.String(extension, "items");

        var token = query.FirstOrDefault(q => q.WireName == tokenName && q.Type.Kind == TypeKind.String);
        var size = query.FirstOrDefault(q => sizeNames.Contains(q.WireName) && q.Type.Kind is TypeKind.Int32 or TypeKind.Int64);
        var responseType = _schemas.FindObject(response.Name!);
        var next = responseType?.Properties.FirstOrDefault(p => p.WireName == nextName && p.Type.Kind == TypeKind.String);
        var arrays = responseType?.Properties.Where(p => p.Type.Kind == TypeKind.Array && (itemsName is null || p.WireName == itemsName))
            .GroupBy(p => p.WireName).Select(g => g.Last()).ToList();

        if (token is null || next is null || arrays is not { Count: 1 })
        {
            if (extension is not null)
            {
                _document.Report(DiagnosticDescriptors.UnsupportedConstruct, extension,
                    "x-pagination names a page token query parameter, a next-page token string property and one array property of the response; some were not found");
            }

            return null;
        }

        return new PaginationModel(
            token.PropertyName,
            size?.PropertyName,
            size?.Minimum,
            size?.Maximum,
            next.WireName,
            arrays[0].WireName,
            arrays[0].Type.Item!,
            response);
    }
}
