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

    /// <summary>A dictionary from string keys to <see cref="TypeRef.Item"/> (<c>additionalProperties</c>).</summary>
    Map,

    /// <summary>A generated wrapper with one typed accessor per alternative (<c>oneOf</c>/<c>anyOf</c>).</summary>
    Union,
}

/// <summary>A reference to a type: a primitive, a generated object, enum or union by name, an array or a map.</summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Item = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Json = new(TypeKind.Json);

    public bool IsValueType => Kind is TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double
        or TypeKind.Decimal or TypeKind.Boolean or TypeKind.DateTimeOffset or TypeKind.Date or TypeKind.Guid
        or TypeKind.Enum or TypeKind.Json;

    /// <summary>A generated class with ReadJson/WriteJson of its own.</summary>
    public bool IsGeneratedClass => Kind is TypeKind.Object or TypeKind.Union;
}

/// <summary>A generated class for an object schema.</summary>
/// <param name="Properties">The properties this class declares.</param>
/// <param name="InheritedProperties">The properties of its base classes, base-most first; read and written with its own.</param>
/// <param name="BaseName">The base class (<c>allOf</c> with a <c>$ref</c>, or a <c>oneOf</c> with a discriminator that lists it).</param>
/// <param name="Discriminator">How to tell which derived class a JSON object is, for a base class.</param>
/// <param name="DiscriminatorValue">The value that selects this class, set by its constructor into <paramref name="DiscriminatorProperty"/>.</param>
internal sealed record ObjectType(
    string Name,
    string? Description,
    EquatableArray<PropertyModel> Properties,
    bool AllowsAdditionalProperties,
    string? BaseName = null,
    EquatableArray<PropertyModel> InheritedProperties = default,
    DiscriminatorModel? Discriminator = null,
    string? DiscriminatorValue = null,
    bool BaseAllowsAdditionalProperties = false,
    string? DiscriminatorProperty = null)
{
    /// <summary>Every property it reads and writes: inherited ones first.</summary>
    public System.Collections.Generic.IEnumerable<PropertyModel> AllProperties => System.Linq.Enumerable.Concat(InheritedProperties, Properties);
}

/// <summary>The discriminator property and the classes its values select.</summary>
internal sealed record DiscriminatorModel(string PropertyWireName, EquatableArray<DiscriminatorCase> Cases);

/// <summary>One value of a discriminator and the generated type it selects.</summary>
internal sealed record DiscriminatorCase(string WireValue, string TypeName);

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

/// <summary>A union wrapper: one nullable accessor per alternative; reading fills the one the JSON matches.</summary>
internal sealed record UnionType(
    string Name,
    string? Description,
    EquatableArray<UnionAlternative> Alternatives,
    DiscriminatorModel? Discriminator);

/// <summary>
/// One alternative of a union: its accessor and type, and for objects the property names that
/// tell it apart when there is no discriminator (all required ones present, most known ones).
/// </summary>
internal sealed record UnionAlternative(string PropertyName, TypeRef Type, EquatableArray<string> RequiredWireNames, EquatableArray<string> KnownWireNames);

/// <summary>A generated enum with its wire names.</summary>
internal sealed record EnumType(string Name, string? Description, EquatableArray<EnumMember> Members);

/// <summary>One enum member: the value on the wire and its C# name.</summary>
internal sealed record EnumMember(string WireValue, string Name);
