using System;
using System.Collections.Generic;
using System.Linq;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;
using OnePassword.Users.Generator.Naming;
using YamlDotNet.RepresentationModel;

namespace OnePassword.Users.Generator.Parsing;

/// <summary>
/// Maps JSON schemas to C# types, creating an object or enum type for every component schema
/// that needs one and for inline object and enum schemas (named after where they appear).
/// </summary>
internal sealed class SchemaMapper
{
    private readonly SpecDocument _document;
    private readonly TypeNames _names;
    private readonly Dictionary<string, TypeRef> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectType> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumType> _enums = new(StringComparer.Ordinal);

    public SchemaMapper(SpecDocument document, TypeNames names)
    {
        _document = document;
        _names = names;
    }

    public IEnumerable<ObjectType> Objects => _objects.Values.OrderBy(type => type.Name, StringComparer.Ordinal);

    public IEnumerable<EnumType> Enums => _enums.Values.OrderBy(type => type.Name, StringComparer.Ordinal);

    /// <summary>Maps every component schema, so unused ones still become types.</summary>
    public void MapComponents()
    {
        var schemas = _document.Map(_document.Map(_document.Root, "components") ?? new YamlMappingNode(), "schemas");
        foreach (var entry in SpecDocument.Entries(schemas))
        {
            MapComponent(entry.Key, entry.Value);
        }
    }

    /// <summary>The type of a schema; <paramref name="nullable"/> tells whether it admits null.</summary>
    public TypeRef Map(YamlNode? schemaNode, string contextName, out bool nullable)
    {
        nullable = false;
        if (schemaNode is null)
        {
            return TypeRef.Json;
        }

        if (schemaNode is YamlMappingNode reference && _document.String(reference, "$ref") is { } pointer)
        {
            const string prefix = "#/components/schemas/";
            var target = _document.Resolve(schemaNode, out var name);
            if (target is null)
            {
                return TypeRef.Json;
            }

            if (pointer.StartsWith(prefix, StringComparison.Ordinal) && name is not null && !pointer.Substring(prefix.Length).Contains("/"))
            {
                nullable = IsNullable(target);
                return MapComponent(name, target);
            }

            return Map(target, contextName, out nullable);
        }

        if (schemaNode is not YamlMappingNode schema)
        {
            // `true` / `{}` style schemas accept anything.
            return TypeRef.Json;
        }

        return MapInline(schema, contextName, componentKey: null, out nullable);
    }

    private TypeRef MapComponent(string key, YamlNode node)
    {
        if (_components.TryGetValue(key, out var known))
        {
            return known;
        }

        if (node is not YamlMappingNode schema)
        {
            return _components[key] = TypeRef.Json;
        }

        return MapInline(schema, TypeNames.ForComponent(key), key, out _);
    }

    private TypeRef MapInline(YamlMappingNode schema, string contextName, string? componentKey, out bool nullable)
    {
        nullable = IsNullable(schema);

        if (_document.String(schema, "$ref") is not null)
        {
            var mapped = Map(schema, contextName, out var refNullable);
            nullable |= refNullable;
            return Remember(componentKey, mapped);
        }

        // A single-element allOf is the usual way to attach a description to a $ref.
        if (_document.Sequence(schema, "allOf") is { Children.Count: 1 } allOf)
        {
            return Remember(componentKey, Map(allOf.Children[0], contextName, out _));
        }

        foreach (var composition in new[] { "oneOf", "anyOf" })
        {
            if (_document.Sequence(schema, composition) is { } alternatives)
            {
                var nonNull = alternatives.Children.Where(alternative => !IsNullType(alternative)).ToList();
                if (nonNull.Count == 1)
                {
                    nullable |= nonNull.Count != alternatives.Children.Count;
                    return Remember(componentKey, Map(nonNull[0], contextName, out _));
                }

                if (AllStrings(nonNull))
                {
                    return Remember(componentKey, TypeRef.String);
                }

                _document.Report(DiagnosticDescriptors.UnsupportedConstruct, _document.Child(schema, composition),
                    $"'{composition}' with several schemas is not supported; '{contextName}' is generated as a JsonElement");
                return Remember(componentKey, TypeRef.Json);
            }
        }

        if (_document.Sequence(schema, "allOf") is { } composed)
        {
            _document.Report(DiagnosticDescriptors.UnsupportedConstruct, composed,
                $"'allOf' with several schemas is not supported; '{contextName}' is generated as a JsonElement");
            return Remember(componentKey, TypeRef.Json);
        }

        var type = PrimaryType(schema);
        if (_document.Sequence(schema, "enum") is { } values && (type is "string" or null) && values.Children.All(v => v is YamlScalarNode))
        {
            return Remember(componentKey, CreateEnum(schema, values, contextName));
        }

        switch (type)
        {
            case "string":
                return Remember(componentKey, MapString(_document.String(schema, "format")));
            case "integer":
                return Remember(componentKey, _document.String(schema, "format") == "int64" ? new TypeRef(TypeKind.Int64) : new TypeRef(TypeKind.Int32));
            case "number":
                return Remember(componentKey, _document.String(schema, "format") switch
                {
                    "float" => new TypeRef(TypeKind.Float),
                    "decimal" => new TypeRef(TypeKind.Decimal),
                    _ => new TypeRef(TypeKind.Double),
                });
            case "boolean":
                return Remember(componentKey, new TypeRef(TypeKind.Boolean));
            case "array":
                var item = Map(_document.Child(schema, "items"), contextName + "Item", out _);
                return Remember(componentKey, new TypeRef(TypeKind.Array, Item: item));
            case "object" or null when _document.Map(schema, "properties") is not null:
                return CreateObject(schema, contextName, componentKey);
            default:
                return Remember(componentKey, TypeRef.Json);
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

    private TypeRef CreateObject(YamlMappingNode schema, string contextName, string? componentKey)
    {
        var name = _names.Reserve(contextName);
        var type = new TypeRef(TypeKind.Object, name);
        Remember(componentKey, type);

        var required = new HashSet<string>(
            (_document.Sequence(schema, "required")?.Children ?? []).OfType<YamlScalarNode>().Select(node => node.Value ?? string.Empty),
            StringComparer.Ordinal);
        var properties = new List<PropertyModel>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal) { name, "AdditionalData" };
        foreach (var entry in SpecDocument.Entries(_document.Map(schema, "properties")))
        {
            var propertyName = Identifiers.ToPascalCase(entry.Key);
            if (!usedNames.Add(propertyName))
            {
                _document.Report(DiagnosticDescriptors.NameCollision, entry.Value, $"Property '{entry.Key}' of '{name}'", propertyName, "another property");
                continue;
            }

            var propertyType = Map(entry.Value, name + propertyName, out var propertyNullable);
            var propertySchema = entry.Value as YamlMappingNode;
            var isRequired = required.Contains(entry.Key);
            properties.Add(new PropertyModel(
                entry.Key,
                propertyName,
                propertyType,
                isRequired,
                !isRequired || propertyNullable,
                PropertyDescription(propertySchema),
                propertySchema is null ? null : _document.String(propertySchema, "const"),
                propertySchema is not null && _document.Bool(propertySchema, "deprecated")));
        }

        var additional = _document.Child(schema, "additionalProperties");
        var allowsAdditional = additional is YamlMappingNode || (additional is YamlScalarNode scalar && scalar.Value == "true");
        _objects[name] = new ObjectType(name, Description(schema), properties.ToEquatableArray(), allowsAdditional);
        return type;
    }

    private TypeRef CreateEnum(YamlMappingNode schema, YamlSequenceNode values, string contextName)
    {
        var name = _names.Reserve(contextName);
        var varNames = _document.Sequence(schema, "x-enum-varnames")?.Children.OfType<YamlScalarNode>().Select(node => node.Value).ToList();
        var members = new List<EnumMember>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal) { "Unknown" };
        var index = 0;
        foreach (var value in values.Children.OfType<YamlScalarNode>())
        {
            var wire = value.Value ?? string.Empty;
            var candidate = varNames is not null && index < varNames.Count && varNames[index] is { Length: > 0 } varName ? varName : wire;
            index++;
            if (value.Style == YamlDotNet.Core.ScalarStyle.Plain && wire is "null" or "~" or "")
            {
                continue; // a 3.1 nullable enum lists null; it is not a member
            }

            var memberName = Identifiers.IsValidIdentifier(candidate) && candidate.Any(char.IsLower) ? candidate : Identifiers.ToPascalCase(candidate);
            if (Identifiers.IsKeyword(memberName))
            {
                _document.Report(DiagnosticDescriptors.KeywordName, value, memberName);
                memberName = "@" + memberName;
            }

            if (!usedNames.Add(memberName))
            {
                _document.Report(DiagnosticDescriptors.NameCollision, value, $"Enum value '{wire}' of '{name}'", memberName, "another value");
                continue;
            }

            members.Add(new EnumMember(wire, memberName));
        }

        _enums[name] = new EnumType(name, Description(schema), members.ToEquatableArray());
        return new TypeRef(TypeKind.Enum, name);
    }

    /// <summary>A property's own description, else that of the schema its <c>$ref</c> names.</summary>
    private string? PropertyDescription(YamlMappingNode? schema)
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

    public string? Description(YamlMappingNode node)
    {
        if (_document.String(node, "description") is { Length: > 0 } description)
        {
            return description;
        }

        return _document.String(node, "title") is { } title && !IsMachineTitle(title) ? title : null;
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

    private string? PrimaryType(YamlMappingNode schema) => _document.Child(schema, "type") switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(node => node.Value).FirstOrDefault(value => value != "null"),
        _ => null,
    };

    private bool IsNullable(YamlMappingNode schema) =>
        _document.Bool(schema, "nullable")
        || (_document.Child(schema, "type") is YamlSequenceNode list && list.Children.OfType<YamlScalarNode>().Any(node => node.Value == "null"));

    private bool IsNullType(YamlNode node) => node is YamlMappingNode map && _document.String(map, "type") == "null";

    private bool AllStrings(List<YamlNode> schemas) =>
        schemas.Count > 0 && schemas.All(node => node is YamlMappingNode map && _document.String(map, "type") == "string" && _document.Child(map, "format") is null);
}
