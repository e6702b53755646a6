using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Diagnostics;

/// <summary>
/// Reads the severities chosen in the .editorconfig sections that match a spec file:
/// <c>openapi_diagnostic.OAG101.severity = error</c> for one id, or
/// <c>openapi_diagnostic.category-OpenApiBreakingChange.severity = error</c> for a category; an
/// id's own key wins over its category's. The compiler applies <c>dotnet_diagnostic.*</c> keys of
/// .editorconfig sections to C# files only, and these diagnostics are located in spec files, so
/// the generator reads keys of its own and reports each diagnostic at the chosen severity.
/// </summary>
internal static class SeverityOptions
{
    private const string Prefix = "openapi_diagnostic.";
    private const string Suffix = ".severity";

    public static (EquatableArray<SeverityOverride> Overrides, EquatableArray<DiagnosticInfo> Problems) Read(string specPath, AnalyzerConfigOptions options)
    {
        var overrides = new List<SeverityOverride>();
        var problems = new List<DiagnosticInfo>();
        var invalidKeys = new HashSet<string>();
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            foreach (var key in new[] { Prefix + descriptor.Id + Suffix, Prefix + "category-" + descriptor.Category + Suffix })
            {
                if (!options.TryGetValue(key, out var value))
                {
                    continue;
                }

                if (!SeverityOverride.TryParse(value, out var severity, out var isDefault))
                {
                    if (invalidKeys.Add(key))
                    {
                        problems.Add(new DiagnosticInfo(
                            DiagnosticDescriptors.InvalidOption.Id,
                            new[] { $"{key} in .editorconfig must be one of none, silent, suggestion, warning, error or default, not '{value}'" }.ToEquatableArray(),
                            new SpecLocation(specPath, 0, 0, 0, 0, 0, 0)));
                    }

                    continue;
                }

                if (!isDefault)
                {
                    overrides.Add(new SeverityOverride(descriptor.Id, severity));
                }

                break;
            }
        }

        return (overrides.ToEquatableArray(), problems.ToEquatableArray());
    }
}
