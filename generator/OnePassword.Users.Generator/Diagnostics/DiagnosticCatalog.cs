using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace OnePassword.Users.Generator.Diagnostics;

/// <summary>Finds a descriptor by id, so a <see cref="DiagnosticInfo"/> need only carry the id.</summary>
internal static class DiagnosticCatalog
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToDictionary(descriptor => descriptor.Id);

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor Find(string id) => ById[id];
}
