using System.Linq;
using OnePassword.Users.Generator.Naming;

namespace OnePassword.Users.Generator.Parsing;

/// <summary>Hands out unique C# type names in the models namespace, for component and inline schemas.</summary>
internal sealed class TypeNames
{
    /// <summary>The internal helper class the models share (discriminator and property peeking, maps).</summary>
    public const string HelperClass = "ModelJson";

    private readonly NameScope _scope;

    public TypeNames(string clientName)
    {
        // The client class lives in the root namespace; models live in .Models, but keeping the
        // names apart avoids confusing documentation and using-directive clashes for users.
        _scope = new NameScope(clientName, HelperClass);
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

    /// <summary>Takes <paramref name="candidate"/> for a class, or the first free <c>candidate2</c>, <c>candidate3</c>...</summary>
    public string Take(string candidate) => _scope.Take(Identifiers.Bound(candidate));

    /// <summary>Takes a name for an enum, whose <c>{name}Json</c> companion class must be free too.</summary>
    public string TakeEnum(string candidate)
    {
        var name = Identifiers.Bound(candidate, Identifiers.MaxLength - 4);
        for (var suffix = 2; _scope.IsTaken(name) || _scope.IsTaken(name + "Json"); suffix++)
        {
            name = Identifiers.Bound(candidate, Identifiers.MaxLength - 8) + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        _scope.Reserve(name);
        _scope.Reserve(name + "Json");
        return name;
    }
}
