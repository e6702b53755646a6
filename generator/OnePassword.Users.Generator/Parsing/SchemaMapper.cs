using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;
using OnePassword.Users.Generator.Naming;
using OnePassword.Users.Generator.Parsing.Reading;

namespace OnePassword.Users.Generator.Parsing;

/// <summary>
/// Maps JSON schemas to C# types, creating an object, enum or union type for every component
/// schema that needs one and for inline ones (named after where they appear). An object's
/// properties are mapped from a work queue rather than by recursion, so a chain of thousands of
/// schemas referring to each other costs no stack; <see cref="Complete"/> then settles what the
/// objects inherit and merge (<see cref="SchemaFinalizer"/>).
/// </summary>
internal sealed class SchemaMapper
{
    /// <summary>Inline schemas nested deeper than this become JsonElement (with OAG004); real specs nest a few levels.</summary>
    public const int MaxInlineDepth = 32;

    private const string ComponentPrefix = "#/components/schemas/";
    private static readonly HashSet<string> JsonTypes = new(StringComparer.Ordinal) { "string", "integer", "number", "boolean", "array", "object", "null" };

    private readonly SpecDocument _document;
    private readonly TypeNames _names;
    private readonly Dictionary<string, TypeRef> _components = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mapping = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingObject> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingUnion> _unions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumType> _enums = new(StringComparer.Ordinal);
    private readonly Queue<(PendingObject Object, SpecMap Schema, int Depth)> _work = new();

    // Component schemas already listed by a discriminated oneOf that became their base class.
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    public SchemaMapper(SpecDocument document, TypeNames names)
    {
        _document = document;
        _names = names;
    }

    /// <summary>Maps every component schema, so unused ones still become types.</summary>
    public void MapComponents()
    {
        var schemas = _document.Map(_document.Map(_document.Root, "components") ?? SpecMap.Empty, "schemas");
        foreach (var entry in SpecDocument.Entries(schemas))
        {
            MapComponent(entry.Key, entry.Value);
            Drain();
        }
    }

    /// <summary>The type of a schema; <paramref name="nullable"/> tells whether it admits null.</summary>
    public TypeRef Map(SpecNode? schemaNode, string contextName, out bool nullable)
    {
        var type = MapSchema(schemaNode, contextName, 0, out nullable);
        Drain();
        return type;
    }

    /// <summary>The object type of that name with its own properties mapped (names and inheritance are not settled yet).</summary>
    public PendingObject? FindObject(string name) => _objects.TryGetValue(name, out var type) ? type : null;

    /// <summary>Settles inheritance, merged properties, C# names and discriminators; call once, after every Map.</summary>
    public (List<ObjectType> Objects, List<EnumType> Enums, List<UnionType> Unions) Complete()
    {
        var finalizer = new SchemaFinalizer(_document, _objects, _unions);
        return (finalizer.Objects(), _enums.Values.OrderBy(type => type.Name, StringComparer.Ordinal).ToList(), finalizer.Unions());
    }

    public string? Description(SpecMap node)
    {
        if (_document.String(node, "description") is { Length: > 0 } description)
        {
            return description;
        }

        return _document.String(node, "title") is { } title && !IsMachineTitle(title) ? title : null;
    }

    private void Drain()
    {
        while (_work.Count > 0)
        {
            var (type, schema, depth) = _work.Dequeue();
            AddProperties(type, schema, depth);
        }
    }

    private TypeRef MapSchema(SpecNode? schemaNode, string contextName, int depth, out bool nullable)
    {
        nullable = false;
        if (schemaNode is null)
        {
            return TypeRef.Json;
        }

        if (depth > MaxInlineDepth)
        {
            _document.Report(DiagnosticDescriptors.UnsupportedConstruct, schemaNode,
                $"Schemas nested more than {MaxInlineDepth.ToString(CultureInfo.InvariantCulture)} levels deep are not supported; '{contextName}' is generated as a JsonElement");
            return TypeRef.Json;
        }

        if (schemaNode is SpecMap reference && _document.String(reference, "$ref") is { } pointer)
        {
            var target = _document.Resolve(schemaNode, out var name);
            if (target is null)
            {
                return TypeRef.Json;
            }

            if (pointer.StartsWith(ComponentPrefix, StringComparison.Ordinal) && name is not null && pointer.IndexOf('/', ComponentPrefix.Length) < 0)
            {
                nullable = IsNullable(target) || IsNullable(reference);
                return MapComponent(name, target);
            }

            // A pointer into another schema: its nesting counts, so a pointer cycle ends at the limit.
            var pointed = MapSchema(target, contextName, depth + 1, out nullable);
            nullable |= IsNullable(reference);
            return pointed;
        }

        if (schemaNode is not SpecMap schema)
        {
            // `true` / `{}` style schemas accept anything.
            return TypeRef.Json;
        }

        return MapInline(schema, contextName, componentKey: null, depth, out nullable);
    }

    private TypeRef MapComponent(string key, SpecNode node)
    {
        if (_components.TryGetValue(key, out var known))
        {
            return known;
        }

        if (node is not SpecMap schema)
        {
            return _components[key] = TypeRef.Json;
        }

        if (!_mapping.Add(key))
        {
            _document.Report(DiagnosticDescriptors.UnsupportedConstruct, node,
                $"The schema '{key}' contains itself through arrays or references with no object in between; it is generated as a JsonElement");
            return _components[key] = TypeRef.Json;
        }

        try
        {
            return MapInline(schema, TypeNames.ForComponent(key), key, 0, out _);
        }
        finally
        {
            _mapping.Remove(key);
        }
    }

    private TypeRef MapInline(SpecMap schema, string contextName, string? componentKey, int depth, out bool nullable)
    {
        nullable = IsNullable(schema);

        if (_document.String(schema, "$ref") is not null)
        {
            var mapped = MapSchema(schema, contextName, depth, out var refNullable);
            nullable |= refNullable;
            return Remember(componentKey, mapped);
        }

        var allOf = _document.Sequence(schema, "allOf");
        var hasOwnShape = _document.Map(schema, "properties") is not null;
        if (allOf is { Children.Count: > 0 })
        {
            // A single-element allOf is the usual way to attach a description to a $ref.
            if (allOf.Children.Count == 1 && !hasOwnShape)
            {
                var single = MapSchema(allOf.Children[0], contextName, depth + 1, out var singleNullable);
                nullable |= singleNullable;
                return Remember(componentKey, single);
            }

            if (hasOwnShape || allOf.Children.Any(IsObjectLike))
            {
                return MapAllOf(schema, allOf, contextName, componentKey, depth);
            }

            // Refinements of one non-object schema (a $ref plus constraints): the first part with a shape.
            var shaped = allOf.Children.FirstOrDefault(part => part is SpecMap map && (_document.Child(map, "$ref") is not null || _document.Child(map, "type") is not null || _document.Child(map, "enum") is not null));
            return Remember(componentKey, shaped is null ? TypeRef.Json : MapSchema(shaped, contextName, depth + 1, out _));
        }

        foreach (var composition in new[] { "oneOf", "anyOf" })
        {
            if (_document.Sequence(schema, composition) is { Children.Count: > 0 } alternatives)
            {
                var nonNull = alternatives.Children.Where(alternative => !IsNullType(alternative)).ToList();
                nullable |= nonNull.Count != alternatives.Children.Count;
                if (nonNull.Count == 0)
                {
                    return Remember(componentKey, TypeRef.Json);
                }

                if (nonNull.Count == 1 && !hasOwnShape)
                {
                    return Remember(componentKey, MapSchema(nonNull[0], contextName, depth + 1, out _));
                }

                if (AllPlainStrings(nonNull))
                {
                    return Remember(componentKey, TypeRef.String);
                }

                return MapComposition(schema, nonNull, contextName, componentKey, depth);
            }
        }

        var types = Types(schema);
        foreach (var unknown in types.Where(t => !JsonTypes.Contains(t)))
        {
            _document.Report(DiagnosticDescriptors.UnsupportedConstruct, _document.Child(schema, "type"),
                $"'{unknown}' is not a JSON Schema type; '{contextName}' is generated as a JsonElement");
            return Remember(componentKey, TypeRef.Json);
        }

        var nonNullTypes = types.Where(t => t != "null").ToList();
        if (nonNullTypes.Count > 1)
        {
            return MapTypeList(schema, nonNullTypes, contextName, componentKey, depth);
        }

        var type = nonNullTypes.FirstOrDefault();
        if (_document.Sequence(schema, "enum") is { } values && (type is "string" or null) && values.Children.All(v => v is SpecScalar))
        {
            return Remember(componentKey, CreateEnum(schema, values, contextName));
        }

        return Remember(componentKey, MapType(schema, type, contextName, componentKey, depth));
    }

    private TypeRef MapType(SpecMap schema, string? type, string contextName, string? componentKey, int depth)
    {
        switch (type)
        {
            case "string":
                return MapString(_document.String(schema, "format"));
            case "integer":
                return _document.String(schema, "format") == "int64" ? new TypeRef(TypeKind.Int64) : new TypeRef(TypeKind.Int32);
            case "number":
                return _document.String(schema, "format") switch
                {
                    "float" => new TypeRef(TypeKind.Float),
                    "decimal" => new TypeRef(TypeKind.Decimal),
                    _ => new TypeRef(TypeKind.Double),
                };
            case "boolean":
                return new TypeRef(TypeKind.Boolean);
            case "array":
                if (_document.Child(schema, "prefixItems") is { } tuple)
                {
                    _document.Report(DiagnosticDescriptors.UnsupportedConstruct, tuple,
                        $"Tuple arrays ('prefixItems') are not supported; the items of '{contextName}' are generated as JsonElement");
                    return new TypeRef(TypeKind.Array, Item: TypeRef.Json);
                }

                return new TypeRef(TypeKind.Array, Item: MapSchema(_document.Child(schema, "items"), contextName + "Item", depth + 1, out _));
            case "object" or null when _document.Map(schema, "properties") is not null:
                return CreateObject(schema, contextName, componentKey, depth).Type;
            case "object" or null when _document.Child(schema, "additionalProperties") is SpecMap { Count: > 0 } values:
                return new TypeRef(TypeKind.Map, Item: MapSchema(values, contextName + "Value", depth + 1, out _));
            default:
                return TypeRef.Json;
        }
    }

    private TypeRef Remember(string? componentKey, TypeRef type)
    {
        if (componentKey is not null)
        {
            _components[componentKey] = type;
        }

        return type;
    }

    private (TypeRef Type, PendingObject Object) CreateObject(SpecMap schema, string contextName, string? componentKey, int depth)
    {
        var name = _names.Take(contextName);
        var type = new TypeRef(TypeKind.Object, name);
        Remember(componentKey, type);
        var pending = new PendingObject(name, componentKey, Description(schema), schema);
        _objects[name] = pending;
        _work.Enqueue((pending, schema, depth));
        pending.Discriminator = Discriminator(schema, contextName, depth);
        return (type, pending);
    }

    /// <summary>An allOf of objects: the first referenced object is the base class, the other parts are merged in.</summary>
    private TypeRef MapAllOf(SpecMap schema, SpecSequence allOf, string contextName, string? componentKey, int depth)
    {
        var (type, pending) = CreateObject(schema, contextName, componentKey, depth);
        foreach (var part in allOf.Children)
        {
            if (part is SpecMap map && _document.String(map, "$ref") is not null)
            {
                var partType = MapSchema(part, contextName, depth + 1, out _);
                if (partType.Kind != TypeKind.Object)
                {
                    _document.Report(DiagnosticDescriptors.UnsupportedConstruct, part,
                        $"An allOf part of '{contextName}' that is not an object cannot be combined with objects; it is left out");
                }
                else if (partType.Name == pending.Name)
                {
                    continue;
                }
                else if (pending.BaseName is null || pending.BaseName == partType.Name)
                {
                    pending.BaseName = partType.Name;
                }
                else
                {
                    pending.MergeFrom.Add(partType.Name!);
                }
            }
            else if (part is SpecMap inline)
            {
                if (_document.Sequence(inline, "allOf") is not null || _document.Sequence(inline, "oneOf") is not null || _document.Sequence(inline, "anyOf") is not null)
                {
                    var nested = MapSchema(inline, contextName + "Part", depth + 1, out _);
                    if (nested.Kind == TypeKind.Object)
                    {
                        pending.MergeFrom.Add(nested.Name!);
                    }

                    continue;
                }

                _work.Enqueue((pending, inline, depth));
                pending.Discriminator ??= Discriminator(inline, contextName, depth);
            }
        }

        return type;
    }

    /// <summary>
    /// oneOf/anyOf: with a discriminator over referenced objects, a base class the objects derive
    /// from; otherwise a union wrapper with an accessor per alternative.
    /// </summary>
    private TypeRef MapComposition(SpecMap schema, List<SpecNode> alternatives, string contextName, string? componentKey, int depth)
    {
        var discriminator = _document.Map(schema, "discriminator");
        var keys = alternatives.Select(ComponentKeyOf).ToList();
        var asBase = discriminator is not null && keys.All(key => key is not null && !_claimed.Contains(key))
            && alternatives.All(alternative => IsObjectLike(alternative) && !DerivesElsewhere(alternative, componentKey));
        if (asBase)
        {
            // The base is known before its alternatives are mapped: they refer back to it (allOf).
            // A schema can derive from one base only: the first discriminated oneOf that lists it
            // claims it, and a later one becomes a union wrapper, which loses nothing either.
            var (type, pending) = CreateObject(schema, contextName, componentKey, depth);
            foreach (var key in keys)
            {
                _claimed.Add(key!);
            }

            foreach (var alternative in alternatives)
            {
                var alternativeType = MapSchema(alternative, contextName, depth + 1, out _);
                if (alternativeType.Kind == TypeKind.Object && alternativeType.Name != pending.Name
                    && _objects.TryGetValue(alternativeType.Name!, out var derived) && derived.BaseName is null)
                {
                    derived.BaseName = pending.Name;
                }
            }

            return type;
        }

        var name = _names.Take(contextName);
        var union = new PendingUnion(name, Description(schema), schema);
        var unionType = new TypeRef(TypeKind.Union, name);
        Remember(componentKey, unionType);
        _unions[name] = union;
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternativeType = MapSchema(alternatives[i], contextName + "Option" + (i + 1).ToString(CultureInfo.InvariantCulture), depth + 1, out _);
            union.Alternatives.Add(new KeyValuePair<string, TypeRef>(AccessorName(alternativeType), alternativeType));
        }

        union.Discriminator = Discriminator(schema, contextName, depth);
        return unionType;
    }

    /// <summary><c>type: [string, integer]</c>: a union of the listed types.</summary>
    private TypeRef MapTypeList(SpecMap schema, List<string> types, string contextName, string? componentKey, int depth)
    {
        var name = _names.Take(contextName);
        var union = new PendingUnion(name, Description(schema), schema);
        var unionType = new TypeRef(TypeKind.Union, name);
        Remember(componentKey, unionType);
        _unions[name] = union;
        foreach (var type in types)
        {
            var alternativeType = MapType(schema, type, contextName + Identifiers.ToPascalCase(type), null, depth + 1);
            union.Alternatives.Add(new KeyValuePair<string, TypeRef>(AccessorName(alternativeType), alternativeType));
        }

        return unionType;
    }

    private PendingDiscriminator? Discriminator(SpecMap schema, string contextName, int depth)
    {
        if (_document.Map(schema, "discriminator") is not { } discriminator || _document.String(discriminator, "propertyName") is not { Length: > 0 } property)
        {
            return null;
        }

        var mapping = new List<KeyValuePair<string, TypeRef>>();
        foreach (var entry in SpecDocument.Entries(_document.Map(discriminator, "mapping")))
        {
            if (entry.Value is not SpecScalar { Value: var target })
            {
                continue;
            }

            // A mapping value is a $ref, or (OpenAPI allows it) just a component name.
            var reference = target.StartsWith("#", StringComparison.Ordinal) || target.Contains("/") ? target : ComponentPrefix + target;
            if (!reference.StartsWith("#", StringComparison.Ordinal))
            {
                _document.Report(DiagnosticDescriptors.UnsupportedConstruct, entry.Value,
                    $"The external discriminator mapping '{target}' is not supported; the value '{entry.Key}' of '{contextName}' is left out");
                continue;
            }

            var pointer = new SpecMap(entry.Value.Start, entry.Value.End, new ArraySegment<SpecEntry>([new SpecEntry("$ref", entry.Value.Start, entry.Value.End, new SpecScalar(reference, false, entry.Value.Start, entry.Value.End))]));
            var mapped = MapSchema(pointer, contextName, depth + 1, out _);
            mapping.Add(new KeyValuePair<string, TypeRef>(entry.Key, mapped));
        }

        return new PendingDiscriminator(property, mapping, discriminator);
    }

    private void AddProperties(PendingObject type, SpecMap schema, int depth)
    {
        foreach (var required in (_document.Sequence(schema, "required")?.Children ?? []).OfType<SpecScalar>())
        {
            type.Required.Add(required.Value);
        }

        var properties = _document.Map(schema, "properties");
        foreach (var entry in properties?.Entries ?? [])
        {
            var candidate = Identifiers.ToPascalCase(entry.Key);
            var propertyType = MapSchema(entry.Value, type.Name + candidate, depth + 1, out var propertyNullable);
            var propertySchema = entry.Value as SpecMap;
            type.Properties.Add(new PendingProperty(
                entry.Key,
                candidate,
                propertyType,
                propertyNullable,
                PropertyDescription(propertySchema),
                propertySchema is null ? null : _document.String(propertySchema, "const"),
                propertySchema is not null && _document.Bool(propertySchema, "deprecated"),
                entry.KeyNode()));
        }

        var additional = _document.Child(schema, "additionalProperties");
        type.AllowsAdditionalProperties |= additional is SpecMap || (additional is SpecScalar scalar && scalar.Value == "true");
    }

    private TypeRef CreateEnum(SpecMap schema, SpecSequence values, string contextName)
    {
        var name = _names.TakeEnum(contextName);
        var varNames = _document.Sequence(schema, "x-enum-varnames")?.Children.OfType<SpecScalar>().Select(node => node.Value).ToList();
        var members = new List<EnumMember>();
        var scope = new NameScope("Unknown", "value__");
        var wireValues = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var value in values.Children.OfType<SpecScalar>())
        {
            var wire = value.Value;
            var varName = varNames is not null && index < varNames.Count && varNames[index] is { Length: > 0 } given ? given : null;
            index++;
            if (value.IsNull || !wireValues.Add(wire))
            {
                continue; // a 3.1 nullable enum lists null; it is not a member. A repeated value is one member.
            }

            // x-enum-varnames are C# names chosen by the spec's author, kept when legal (a keyword gets '@');
            // a wire value that is a legal identifier in lower or mixed case is kept too, unless it is a keyword.
            var memberName = varName is not null
                ? Identifiers.IsValidIdentifier(varName) ? varName : Identifiers.ToPascalCase(varName)
                : Identifiers.IsValidIdentifier(wire) && wire.Any(char.IsLower) && !Identifiers.IsKeyword(wire) ? wire : Identifiers.ToPascalCase(wire);
            if (Identifiers.IsKeyword(memberName))
            {
                _document.Report(DiagnosticDescriptors.KeywordName, value, memberName);
                memberName = "@" + memberName;
            }

            var taken = scope.Take(memberName);
            if (taken != memberName)
            {
                _document.Report(DiagnosticDescriptors.Renamed, value, $"Enum value '{wire}' of '{name}'", taken, memberName, memberName == "Unknown" ? "the member for values the client does not know" : "another value");
            }

            members.Add(new EnumMember(wire, taken));
        }

        _enums[name] = new EnumType(name, Description(schema), members.ToEquatableArray());
        return new TypeRef(TypeKind.Enum, name);
    }

    private static string AccessorName(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => type.Name!,
        TypeKind.Int32 or TypeKind.Int64 => "Integer",
        TypeKind.Float or TypeKind.Double or TypeKind.Decimal => "Number",
        TypeKind.DateTimeOffset => "DateTime",
        TypeKind.Array => AccessorName(type.Item!) + "List",
        TypeKind.Map => AccessorName(type.Item!) + "Map",
        _ => type.Kind.ToString(),
    };

    /// <summary>A property's own description, else that of the schema its <c>$ref</c> names.</summary>
    private string? PropertyDescription(SpecMap? schema)
    {
        if (schema is null)
        {
            return null;
        }

        if (Description(schema) is { } own)
        {
            return own;
        }

        return _document.String(schema, "$ref") is not null && _document.Resolve(schema, out _) is { } target ? Description(target) : null;
    }

    // Protobuf-generated specs set `title` to the field name, which documents nothing.
    private static bool IsMachineTitle(string title) => title.All(c => char.IsLower(c) || char.IsDigit(c) || c == '_');

    private static TypeRef MapString(string? format) => format switch
    {
        "date-time" => new TypeRef(TypeKind.DateTimeOffset),
        "date" => new TypeRef(TypeKind.Date),
        "uuid" => new TypeRef(TypeKind.Guid),
        "byte" => new TypeRef(TypeKind.Bytes),
        _ => TypeRef.String,
    };

    private List<string> Types(SpecMap schema) => _document.Child(schema, "type") switch
    {
        SpecScalar scalar => [scalar.Value],
        SpecSequence list => list.Children.OfType<SpecScalar>().Select(node => node.Value).Distinct(StringComparer.Ordinal).ToList(),
        _ => [],
    };

    private string? ComponentKeyOf(SpecNode node) =>
        node is SpecMap map && _document.String(map, "$ref") is { } pointer && pointer.StartsWith(ComponentPrefix, StringComparison.Ordinal)
            && pointer.IndexOf('/', ComponentPrefix.Length) < 0
            ? Uri.UnescapeDataString(pointer.Substring(ComponentPrefix.Length)).Replace("~1", "/").Replace("~0", "~")
            : null;

    /// <summary>Whether an alternative's own allOf names a base other than <paramref name="baseKey"/>.</summary>
    private bool DerivesElsewhere(SpecNode alternative, string? baseKey)
    {
        var schema = _document.Resolve(alternative, out _);
        return schema is not null && _document.Sequence(schema, "allOf") is { } allOf
            && allOf.Children.Any(part => ComponentKeyOf(part) is { } key && key != baseKey && IsObjectLike(part));
    }

    /// <summary>Whether a schema (followed through $refs) describes an object: properties, or an allOf or discriminated oneOf of them.</summary>
    private bool IsObjectLike(SpecNode node)
    {
        var schema = node is SpecMap map && _document.String(map, "$ref") is not null ? _document.Resolve(node, out _) : node as SpecMap;
        if (schema is null)
        {
            return false;
        }

        return _document.Map(schema, "properties") is not null
            || _document.Sequence(schema, "allOf") is not null
            || (_document.Map(schema, "discriminator") is not null && (_document.Sequence(schema, "oneOf") ?? _document.Sequence(schema, "anyOf")) is not null);
    }

    private bool IsNullable(SpecMap schema) =>
        _document.Bool(schema, "nullable")
        || (_document.Child(schema, "type") is SpecSequence list && list.Children.OfType<SpecScalar>().Any(node => node.Value == "null"));

    private bool IsNullType(SpecNode node) => node is SpecMap map && _document.String(map, "type") == "null";

    private bool AllPlainStrings(List<SpecNode> schemas) =>
        schemas.All(node => node is SpecMap map && _document.String(map, "type") == "string" && _document.Child(map, "format") is null && _document.Child(map, "$ref") is null);
}
