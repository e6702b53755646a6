namespace OnePassword.Users.Generator.Model;

/// <summary>One HTTP operation on a request builder.</summary>
/// <param name="Method">The Kiota method name: Get, Post, Put, Patch, Delete, Head, Options.</param>
/// <param name="Name">The PascalCase operation name (from the operationId) used for helper types.</param>
/// <param name="Path">The path as the spec writes it, e.g. <c>/v1beta1/accounts/{account_id}/users/{user_id}:suspend</c>.</param>
/// <param name="IsIdempotent">Whether sending it twice has the effect of sending it once: by HTTP method, or <c>x-idempotent</c>.</param>
/// <param name="ChangesState">Whether it changes state and is audited: every method but GET, HEAD, OPTIONS and TRACE, or <c>x-audit</c>.</param>
internal sealed record OperationModel(
    string Method,
    string OperationId,
    string Name,
    string Path,
    bool IsIdempotent,
    bool ChangesState,
    string? Summary,
    string? Description,
    bool Deprecated,
    string? Permission,
    EquatableArray<QueryParameterModel> QueryParameters,
    RequestBodyModel? Body,
    TypeRef? SuccessType,
    string? SuccessContentType,
    EquatableArray<string> ErrorStatusCodes,
    PaginationModel? Pagination);

/// <summary>A query parameter and the constraints the client checks before sending.</summary>
/// <param name="ArgumentName">The C# parameter name in paginator methods.</param>
internal sealed record QueryParameterModel(
    string WireName,
    string PropertyName,
    string ArgumentName,
    TypeRef Type,
    bool Required,
    string? Description,
    string? Minimum,
    string? Maximum,
    string? DefaultValue);

/// <summary>A request body: JSON, a URL-encoded form of an object type, or a raw stream of any other media type.</summary>
internal sealed record RequestBodyModel(TypeRef Type, string ContentType, bool Required, string? Description, bool IsStream = false)
{
    public const string Form = "application/x-www-form-urlencoded";

    public bool IsForm => ContentType == Form;
}

/// <summary>
/// How a list operation paginates (AIP-158 names, or the <c>x-pagination</c> extension). The
/// response properties are named by wire name: their C# names are settled with the models.
/// </summary>
internal sealed record PaginationModel(
    string PageTokenProperty,
    string? PageSizeProperty,
    string? MinimumPageSize,
    string? MaximumPageSize,
    string NextPageTokenWireName,
    string ItemsWireName,
    TypeRef ItemType,
    TypeRef ResponseType);
