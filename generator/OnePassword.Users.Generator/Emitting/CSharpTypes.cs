using System;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>How a <see cref="TypeRef"/> is spelled in generated C# (always global-qualified).</summary>
internal static class CSharpTypes
{
    public static string Name(TypeRef type, string modelsNamespace) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Float => "float",
        TypeKind.Double => "double",
        TypeKind.Decimal => "decimal",
        TypeKind.Boolean => "bool",
        TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeKind.Date => "global::System.DateOnly",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.Bytes => "byte[]",
        TypeKind.Json => "global::System.Text.Json.JsonElement",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => "global::" + modelsNamespace + "." + type.Name,
        TypeKind.Map => "global::System.Collections.Generic.Dictionary<string, " + Name(type.Item!, modelsNamespace) + ">",
        TypeKind.Array => "global::System.Collections.Generic.List<" + Name(type.Item!, modelsNamespace) + ">",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "unknown type kind"),
    };

    public static string Nullable(TypeRef type, string modelsNamespace) => Name(type, modelsNamespace) + "?";
}
