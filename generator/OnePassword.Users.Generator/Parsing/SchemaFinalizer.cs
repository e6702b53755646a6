using System;
using System.Collections.Generic;
using System.Linq;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;
using OnePassword.Users.Generator.Naming;

namespace OnePassword.Users.Generator.Parsing;

/// <summary>
/// The second step of schema mapping, once every schema is mapped: breaks inheritance cycles,
/// settles each class's inherited and merged properties and their C# names (renaming clashes,
/// OAG010), and works out which values of a discriminator select which derived class.
/// </summary>
internal sealed class SchemaFinalizer
{
    /// <summary>Members every generated model has; a property named like one is renamed.</summary>
    private static readonly string[] ModelMembers =
        ["AdditionalData", "CreateFromDiscriminatorValue", "GetFieldDeserializers", "Serialize", "ReadJson", "WriteJson"];

    private readonly SpecDocument _document;
    private readonly Dictionary<string, PendingObject> _pending;
    private readonly Dictionary<string, PendingUnion> _unions;
    private readonly Dictionary<string, ObjectType> _done = new(StringComparer.Ordinal);

    public SchemaFinalizer(SpecDocument document, Dictionary<string, PendingObject> pending, Dictionary<string, PendingUnion> unions)
    {
        _document = document;
        _pending = pending;
        _unions = unions;
    }

    public List<ObjectType> Objects()
    {
        BreakCycles();
        foreach (var name in _pending.Keys.OrderBy(name => Depth(name)).ThenBy(name => name, StringComparer.Ordinal))
        {
            Finish(name);
        }

        var values = DiscriminatorValues();
        return _done.Values
            .Select(type => values.TryGetValue(type.Name, out var value) ? WithDiscriminatorValue(type, value.WireName, value.Value) : type)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .ToList();
    }

    public List<UnionType> Unions()
    {
        var result = new List<UnionType>();
        foreach (var union in _unions.Values.OrderBy(u => u.Name, StringComparer.Ordinal))
        {
            var scope = new NameScope([union.Name, "ReadJson", "WriteJson", .. NameScope.ObjectMembers]);
            var alternatives = new List<UnionAlternative>();
            foreach (var alternative in union.Alternatives)
            {
                var properties = alternative.Value.Kind == TypeKind.Object && _done.TryGetValue(alternative.Value.Name!, out var type)
                    ? type.AllProperties.ToList()
                    : [];
                alternatives.Add(new UnionAlternative(
                    scope.Take(alternative.Key),
                    alternative.Value,
                    properties.Where(p => p.Required).Select(p => p.WireName).ToEquatableArray(),
                    properties.Select(p => p.WireName).ToEquatableArray()));
            }

            var discriminator = union.Discriminator is { } pending
                ? new DiscriminatorModel(pending.PropertyWireName, pending.Mapping
                    .Where(m => m.Value.Kind == TypeKind.Object && union.Alternatives.Any(a => a.Value == m.Value))
                    .Select(m => new DiscriminatorCase(m.Key, m.Value.Name!))
                    .Concat(union.Alternatives
                        .Where(a => a.Value.Kind == TypeKind.Object && _pending.TryGetValue(a.Value.Name!, out var p) && p.ComponentKey is not null && !pending.Mapping.Any(m => m.Value == a.Value))
                        .Select(a => new DiscriminatorCase(_pending[a.Value.Name!].ComponentKey!, a.Value.Name!)))
                    .ToEquatableArray())
                : null;
            result.Add(new UnionType(union.Name, union.Description, alternatives.ToEquatableArray(), discriminator));
        }

        return result;
    }

    /// <summary>A class cannot derive from itself (A allOf B, B allOf A): the edge that closes a loop is dropped.</summary>
    private void BreakCycles()
    {
        foreach (var type in _pending.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { type.Name };
            for (var current = type; current.BaseName is { } baseName; current = _pending[baseName])
            {
                if (!_pending.ContainsKey(baseName))
                {
                    current.BaseName = null;
                    break;
                }

                if (!seen.Add(baseName))
                {
                    _document.Report(DiagnosticDescriptors.UnsupportedConstruct, current.Location,
                        $"'{current.Name}' would derive from itself through allOf or a discriminator; it does not derive from '{baseName}'");
                    current.BaseName = null;
                    break;
                }
            }

            type.MergeFrom.RemoveAll(merged => !_pending.ContainsKey(merged) || DependsOn(merged, type.Name));
        }
    }

    private bool DependsOn(string name, string target)
    {
        var pending = new Stack<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        pending.Push(name);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current == target)
            {
                return true;
            }

            if (!seen.Add(current) || !_pending.TryGetValue(current, out var type))
            {
                continue;
            }

            if (type.BaseName is { } baseName)
            {
                pending.Push(baseName);
            }

            foreach (var merged in type.MergeFrom)
            {
                pending.Push(merged);
            }
        }

        return false;
    }

    private int Depth(string name)
    {
        var depth = 0;
        for (var current = _pending[name]; current.BaseName is { } baseName; current = _pending[baseName])
        {
            depth++;
        }

        return depth;
    }

    /// <summary>Finishes a class after what it inherits and merges (no recursion: an explicit stack).</summary>
    private void Finish(string root)
    {
        var stack = new Stack<(string Name, bool Ready)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (name, ready) = stack.Pop();
            if (_done.ContainsKey(name))
            {
                continue;
            }

            var type = _pending[name];
            var needs = type.MergeFrom.Concat(type.BaseName is null ? [] : [type.BaseName]).Where(n => !_done.ContainsKey(n)).ToList();
            if (!ready && needs.Count > 0)
            {
                stack.Push((name, true));
                foreach (var need in needs)
                {
                    stack.Push((need, false));
                }

                continue;
            }

            _done[name] = Build(type);
        }
    }

    private ObjectType Build(PendingObject type)
    {
        var baseType = type.BaseName is null ? null : _done[type.BaseName];
        var inherited = baseType is null ? new List<PropertyModel>() : baseType.AllProperties.ToList();
        var inheritedWireNames = new HashSet<string>(inherited.Select(p => p.WireName), StringComparer.Ordinal);
        var baseAllowsAdditional = baseType is not null && (baseType.AllowsAdditionalProperties || baseType.BaseAllowsAdditionalProperties);

        // Own properties win over merged ones; a property the base has already is the base's.
        var candidates = new List<(PropertyModel? Merged, PendingProperty? Own)>();
        var seen = new HashSet<string>(inheritedWireNames, StringComparer.Ordinal);
        foreach (var own in type.Properties.Where(p => seen.Add(p.WireName)))
        {
            candidates.Add((null, own));
        }

        var allowsAdditional = type.AllowsAdditionalProperties;
        foreach (var mergedName in type.MergeFrom)
        {
            var merged = _done[mergedName];
            allowsAdditional |= merged.AllowsAdditionalProperties || merged.BaseAllowsAdditionalProperties;
            foreach (var property in merged.AllProperties.Where(p => seen.Add(p.WireName)))
            {
                candidates.Add((property, null));
            }
        }

        var scope = new NameScope([type.Name, .. ModelMembers, .. NameScope.ObjectMembers, .. inherited.Select(p => p.Name)]);
        var properties = new List<PropertyModel>();
        foreach (var (merged, own) in candidates)
        {
            if (merged is not null)
            {
                var required = merged.Required || type.Required.Contains(merged.WireName);
                properties.Add(merged with { Name = scope.Take(merged.Name), Required = required, Nullable = merged.Nullable && !(required && !merged.Nullable) });
                continue;
            }

            var isRequired = type.Required.Contains(own!.WireName);
            var name = scope.Take(own.Candidate);
            if (name != own.Candidate)
            {
                _document.Report(DiagnosticDescriptors.Renamed, own.Location, $"Property '{own.WireName}' of '{type.Name}'", name, own.Candidate, Owner(own.Candidate, type.Name));
            }

            properties.Add(new PropertyModel(own.WireName, name, own.Type, isRequired, !isRequired || own.Nullable, own.Description, own.ConstValue, own.Deprecated));
        }

        return new ObjectType(
            type.Name,
            type.Description,
            properties.ToEquatableArray(),
            allowsAdditional && !baseAllowsAdditional,
            type.BaseName,
            inherited.ToEquatableArray(),
            Discriminator(type),
            null,
            baseAllowsAdditional);
    }

    private static string Owner(string candidate, string typeName) =>
        candidate == typeName ? "the class itself (a member cannot be named like its class)"
        : Array.IndexOf(ModelMembers, candidate) >= 0 || Array.IndexOf(NameScope.ObjectMembers, candidate) >= 0 ? "a member every model has"
        : "another property";

    /// <summary>Which derived classes the discriminator's values select: the mapping, else each class's schema name.</summary>
    private DiscriminatorModel? Discriminator(PendingObject type)
    {
        if (type.Discriminator is not { } pending)
        {
            return null;
        }

        var descendants = _pending.Values.Where(candidate => candidate != type && IsDescendant(candidate, type.Name)).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        var cases = new List<DiscriminatorCase>();
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mapping in pending.Mapping)
        {
            if (mapping.Value.Kind != TypeKind.Object || mapping.Value.Name == type.Name)
            {
                continue;
            }

            if (!descendants.Any(d => d.Name == mapping.Value.Name))
            {
                _document.Report(DiagnosticDescriptors.UnsupportedConstruct, pending.Location,
                    $"The discriminator value '{mapping.Key}' of '{type.Name}' names '{mapping.Value.Name}', which does not derive from it; that value reads as '{type.Name}'");
                continue;
            }

            if (values.Add(mapping.Key))
            {
                cases.Add(new DiscriminatorCase(mapping.Key, mapping.Value.Name!));
            }
        }

        foreach (var descendant in descendants)
        {
            if (descendant.ComponentKey is { } key && !pending.Mapping.Any(m => m.Value.Name == descendant.Name) && values.Add(key))
            {
                cases.Add(new DiscriminatorCase(key, descendant.Name));
            }
        }

        return new DiscriminatorModel(pending.PropertyWireName, cases.ToEquatableArray());
    }

    private bool IsDescendant(PendingObject candidate, string ancestor)
    {
        for (var current = candidate; current.BaseName is { } baseName; current = _pending[baseName])
        {
            if (baseName == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value each derived class stands for, from the nearest base that lists it.</summary>
    private Dictionary<string, (string WireName, string Value)> DiscriminatorValues()
    {
        var values = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var type in _done.Values.OrderBy(t => Depth(t.Name)).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            foreach (var @case in type.Discriminator?.Cases ?? EquatableArray<DiscriminatorCase>.Empty)
            {
                values[@case.TypeName] = (type.Discriminator!.PropertyWireName, @case.WireValue);
            }
        }

        return values;
    }

    /// <summary>A derived class sets its discriminator in its constructor, so a new instance writes it.</summary>
    private static ObjectType WithDiscriminatorValue(ObjectType type, string wireName, string value)
    {
        var property = type.AllProperties.FirstOrDefault(p => p.WireName == wireName && p.Type.Kind == TypeKind.String);
        return property is null ? type : type with { DiscriminatorValue = value, DiscriminatorProperty = property.Name };
    }
}
