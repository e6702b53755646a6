using System;
using System.Collections.Generic;
using System.Globalization;

namespace OnePassword.Users.Generator.Naming;

/// <summary>
/// The names taken in one C# scope (a class's members, a namespace's types, an enum's values).
/// A name already taken gets the first free numeric suffix, starting at 2 (after a <c>_</c> when
/// the name ends in a digit): the spec's order
/// decides, so the same spec always gives the same names.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public NameScope(params string[] reserved)
    {
        foreach (var name in reserved)
        {
            _taken.Add(name);
        }
    }

    /// <summary>Members every class has (from <see cref="object"/>); a property named like one would hide it.</summary>
    public static readonly string[] ObjectMembers = ["Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals"];

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Takes <paramref name="candidate"/>, or the first free <c>candidate2</c>, <c>candidate3</c>...</summary>
    /// <returns>The name taken; it differs from the candidate when the candidate was taken already.</returns>
    public string Take(string candidate)
    {
        if (_taken.Add(candidate))
        {
            return candidate;
        }

        for (var suffix = 2; ; suffix++)
        {
            // Reactions1 taken gives Reactions1_2, not Reactions12.
            var text = (char.IsDigit(candidate[candidate.Length - 1]) ? "_" : string.Empty) + suffix.ToString(CultureInfo.InvariantCulture);
            var name = Identifiers.Bound(candidate, Identifiers.MaxLength - text.Length) + text;
            if (_taken.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>Marks a name as taken without asking for it.</summary>
    public void Reserve(string name) => _taken.Add(name);
}
