using System.Collections.Generic;
using System.Linq;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Compatibility;

/// <summary>
/// Compares a spec with its baseline and reports what would break a client built from the
/// baseline. Removals point at the baseline's line (the current spec no longer has one);
/// changes point at the current spec's line.
/// </summary>
internal static class BreakingChangeDetector
{
    public static EquatableArray<DiagnosticInfo> Compare(ApiContract baseline, ApiContract current)
    {
        var found = new List<DiagnosticInfo>();
        var currentOperations = new HashSet<string>(current.Operations.Select(o => o.Key));
        foreach (var operation in baseline.Operations.Where(o => !currentOperations.Contains(o.Key)))
        {
            found.Add(Report(DiagnosticDescriptors.OperationRemoved, operation.Location, operation.Display));
        }

        var baselineParameters = FirstByKey(baseline.Parameters, p => (p.OperationKey, p.Name, p.In));
        foreach (var parameter in current.Parameters.Where(p => currentOperations.Contains(p.OperationKey)))
        {
            baselineParameters.TryGetValue((parameter.OperationKey, parameter.Name, parameter.In), out var before);
            if (parameter.Required && before is not { Required: true })
            {
                found.Add(Report(DiagnosticDescriptors.ParameterBecameRequired, parameter.Location, parameter.Name.TrimStart('{', '}'), parameter.OperationDisplay));
            }
            else if (before is not null && before.Type != parameter.Type)
            {
                found.Add(Report(DiagnosticDescriptors.TypeChanged, parameter.Location, $"parameter '{parameter.Name}' of {parameter.OperationDisplay}", before.Type, parameter.Type));
            }
        }

        var currentProperties = FirstByKey(current.Properties, p => (p.Schema, p.Name));
        foreach (var property in baseline.Properties)
        {
            if (!currentProperties.TryGetValue((property.Schema, property.Name), out var now))
            {
                found.Add(Report(DiagnosticDescriptors.PropertyRemoved, property.Location, property.Name, property.Schema));
            }
            else if (now.Type != property.Type)
            {
                found.Add(Report(DiagnosticDescriptors.TypeChanged, now.Location, $"property '{property.Name}' of schema '{property.Schema}'", property.Type, now.Type));
            }
        }

        var currentValues = new HashSet<(string, string)>(current.EnumValues.Select(v => (v.Schema, v.Value)));
        var currentEnums = new HashSet<string>(current.EnumValues.Select(v => v.Schema));
        foreach (var value in baseline.EnumValues.Where(v => currentEnums.Contains(v.Schema) && !currentValues.Contains((v.Schema, v.Value))))
        {
            found.Add(Report(DiagnosticDescriptors.EnumValueRemoved, value.Location, value.Value, value.Schema));
        }

        return found.ToEquatableArray();
    }

    // Two path templates can normalise to one key; the first one written wins, never an exception.
    private static Dictionary<TKey, T> FirstByKey<T, TKey>(IEnumerable<T> items, System.Func<T, TKey> key)
    {
        var result = new Dictionary<TKey, T>();
        foreach (var item in items)
        {
            var k = key(item);
            if (!result.ContainsKey(k))
            {
                result[k] = item;
            }
        }

        return result;
    }

    private static DiagnosticInfo Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecLocation location, params string[] arguments) =>
        new(descriptor.Id, arguments.ToEquatableArray(), location);
}
