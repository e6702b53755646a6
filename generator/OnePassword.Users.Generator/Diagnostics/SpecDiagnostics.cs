using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Diagnostics;

/// <summary>The diagnostics found in one spec, with the severities its .editorconfig chose for them.</summary>
internal sealed record SpecDiagnostics(EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<SeverityOverride> Severities)
{
    public void Report(SourceProductionContext output)
    {
        foreach (var info in Diagnostics)
        {
            if (info.ToDiagnostic(Severities) is { } diagnostic)
            {
                output.ReportDiagnostic(diagnostic);
            }
        }
    }
}
