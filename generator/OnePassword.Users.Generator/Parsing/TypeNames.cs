using System;
using System.Collections.Generic;
using System.Linq;
using OnePassword.Users.Generator.Naming;

namespace OnePassword.Users.Generator.Parsing;

/// <summary>Hands out unique C# type names for component and inline schemas.</summary>
internal sealed class TypeNames
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public TypeNames(string clientName)
    {
        // The client class lives in the root namespace; models live in .Models, but keeping the
        // names apart avoids confusing documentation and using-directive clashes for users.
        _used.Add(clientName);
    }

    /// <summary>
    /// The C# name of a component schema. Protobuf-generated specs use dotted names such as
    /// <c>user.v1beta1.User.State</c>: the lower-case package segments are dropped and the
    /// rest joined, giving <c>UserState</c>.
    /// </summary>
    public static string ForComponent(string key)
    {
        var segments = key.Split('.');
        var typeSegments = segments.SkipWhile(segment => segment.Length > 0 && !char.IsUpper(segment[0])).ToList();
        var source = typeSegments.Count > 0 ? typeSegments : segments.ToList();
        return Identifiers.ToPascalCase(string.Join("_", source.Select(Identifiers.ToPascalCase)));
    }

    /// <summary>Reserves <paramref name="candidate"/>, or the first free <c>candidate2</c>, <c>candidate3</c>...</summary>
    public string Reserve(string candidate)
    {
        var name = candidate;
        for (var suffix = 2; !_used.Add(name); suffix++)
        {
            name = candidate + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
