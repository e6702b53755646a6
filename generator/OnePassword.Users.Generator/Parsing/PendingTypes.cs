using System.Collections.Generic;
using OnePassword.Users.Generator.Model;
using OnePassword.Users.Generator.Parsing.Reading;

namespace OnePassword.Users.Generator.Parsing;

/// <summary>
/// An object type while the schemas are still being mapped: its own properties are known, but
/// what it inherits and which C# names its properties get wait until every schema is mapped,
/// since a base or a merged schema can be mapped after it. <see cref="SchemaFinalizer"/> turns
/// these into <see cref="ObjectType"/>s.
/// </summary>
internal sealed class PendingObject(string name, string? componentKey, string? description, SpecNode location)
{
    public string Name { get; } = name;

    /// <summary>The key under components/schemas, the default discriminator value of the type.</summary>
    public string? ComponentKey { get; } = componentKey;

    public string? Description { get; } = description;

    public SpecNode Location { get; } = location;

    public List<PendingProperty> Properties { get; } = [];

    /// <summary>The wire names listed as required by the schema or any of its allOf parts.</summary>
    public HashSet<string> Required { get; } = new(System.StringComparer.Ordinal);

    public bool AllowsAdditionalProperties { get; set; }

    public string? BaseName { get; set; }

    /// <summary>Objects whose properties are copied in (allOf parts beyond the base).</summary>
    public List<string> MergeFrom { get; } = [];

    public PendingDiscriminator? Discriminator { get; set; }
}

/// <summary>A property as the schema gives it; its C# name is a candidate until the type is finalized.</summary>
internal sealed record PendingProperty(
    string WireName,
    string Candidate,
    TypeRef Type,
    bool Nullable,
    string? Description,
    string? ConstValue,
    bool Deprecated,
    SpecNode Location);

/// <summary>A discriminator as written: the property, the explicit mapping, where it is.</summary>
internal sealed record PendingDiscriminator(string PropertyWireName, List<KeyValuePair<string, TypeRef>> Mapping, SpecNode Location);

/// <summary>A union while the schemas are still being mapped.</summary>
internal sealed class PendingUnion(string name, string? description, SpecNode location)
{
    public string Name { get; } = name;

    public string? Description { get; } = description;

    public SpecNode Location { get; } = location;

    public List<KeyValuePair<string, TypeRef>> Alternatives { get; } = [];

    public PendingDiscriminator? Discriminator { get; set; }
}
