namespace OnePassword.Users.Generator.Model;

// The whole model is immutable and structurally equal: records, strings and EquatableArrays
// only. Nothing here may hold a Roslyn symbol, a syntax node, a location or a YAML node, or the
// incremental pipeline would regenerate on every keystroke.

/// <summary>Everything the emitter needs to write one client.</summary>
internal sealed record ApiModel(
    ClientOptions Options,
    string Title,
    string? Description,
    string DefaultBaseUrl,
    EquatableArray<string> ServerUrls,
    string PathPrefix,
    BuilderNode Root,
    EquatableArray<ObjectType> Objects,
    EquatableArray<EnumType> Enums,
    EquatableArray<UnionType> Unions,
    SecurityInfo? Security,
    EquatableArray<RateLimitInfo> RateLimits);

/// <summary>Per-spec options from the AdditionalFiles metadata.</summary>
internal sealed record ClientOptions(string Namespace, string ClientName, bool IsPublic)
{
    public string Accessibility => IsPublic ? "public" : "internal";
}

/// <summary>The OAuth 2.0 client-credentials scheme, or a plain bearer scheme.</summary>
internal sealed record SecurityInfo(string? TokenUrl, string? RevocationUrl, EquatableArray<string> Scopes);

/// <summary>A documented rate limit (the spec's <c>x-rate-limits</c>).</summary>
internal sealed record RateLimitInfo(int Limit, long WindowSeconds);
