namespace OnePassword.Users.Generator.Parsing;

/// <summary>The operation keys of an OpenAPI path item, in the order operations are generated.</summary>
internal static class OpenApiMethods
{
    public static readonly string[] All = ["get", "put", "post", "delete", "options", "head", "patch"];
}
