namespace OnePassword.Users.Generator.Model;

/// <summary>
/// One request builder: a path segment (<c>accounts</c>), an item reached through an indexer
/// (<c>{account_id}</c>) or a colon custom method (<c>{user_id}:suspend</c>).
/// </summary>
/// <param name="PropertyName">The navigation property on the parent; empty for an item node.</param>
/// <param name="ClassName">The builder class name, unique within its namespace.</param>
/// <param name="NamespaceSuffix">The namespace below the client namespace, e.g. <c>Accounts.Item.Users</c>.</param>
/// <param name="PathTemplate">The path below the base URL, e.g. <c>/accounts/{+account_id}/users</c>.</param>
/// <param name="Indexer">For an item node, the path parameter the parent's indexer takes.</param>
/// <param name="MethodParameters">For a segment such as <c>{Sid}.json</c>, the parameters of the parent's navigation method.</param>
internal sealed record BuilderNode(
    string PropertyName,
    string ClassName,
    string NamespaceSuffix,
    string PathTemplate,
    PathParameterInfo? Indexer,
    EquatableArray<BuilderNode> Children,
    EquatableArray<OperationModel> Operations,
    EquatableArray<PathParameterInfo> MethodParameters)
{
    public bool IsItem => Indexer is not null;

    /// <summary>Reached through a method taking parameters: a segment of literal text and parameters.</summary>
    public bool IsMethod => !MethodParameters.IsEmpty;
}

/// <summary>A path parameter: its wire name and the C# parameter name of the indexer.</summary>
internal sealed record PathParameterInfo(string WireName, string ParameterName);
