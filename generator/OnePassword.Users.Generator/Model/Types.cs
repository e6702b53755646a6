namespace OnePassword.Users.Generator.Model;

/// <summary>The C# shape a schema maps to.</summary>
internal enum TypeKind
{
    String,
    Int32,
    Int64,
    Float,
    Double,
    Decimal,
    Boolean,
    DateTimeOffset,
    Date,
    Guid,
    Bytes,
    Object,
    Enum,
    Array,
    Json,
}

/// <summary>A reference to a type: a primitive, a generated object or enum by name, or an array.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Item = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Json = new(TypeKind.Json);

    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double
        or TypeKind.Decimal or TypeKind.Boolean or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Guid
        or TypeKind.Enum or TypeKind.Json;
}

/// <summary>A generated class for an object schema.</summary>
internal sealed record ObjectType(
    string Name,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    bool AllowsAdditionalProperties);

/// <summary>One property of an object type.</summary>
/// <param name="Required">Listed in the schema's <c>required</c>: the reader insists on it.</param>
/// <param name="Nullable">The C# type is nullable (not required, or the schema allows null).</param>
internal sealed record PropertyModel(
    string WireName,
    string Name,
    TypeRef Type,
    bool Required,
    bool Nullable,
    string? Description,
    string? ConstValue,
    bool Deprecated);

/// <summary>A generated enum with its wire names.</summary>
internal sealed record EnumType(string Name, string? Description, EquatableArray<EnumMember> Members);

/// <summary>One enum member: the value on the wire and its C# name.</summary>
internal sealed record EnumMember(string WireValue, string Name);
