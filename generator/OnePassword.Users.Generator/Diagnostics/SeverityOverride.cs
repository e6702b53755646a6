using Microsoft.CodeAnalysis;

namespace OnePassword.Users.Generator.Diagnostics;

/// <summary>
/// The severity chosen for one diagnostic id in the .editorconfig sections that match a spec;
/// a null <see cref="Severity"/> means <c>none</c>: the diagnostic is not reported.
/// </summary>
internal sealed record SeverityOverride(string Id, DiagnosticSeverity? Severity)
{
    /// <summary>The value words of <c>dotnet_diagnostic.*.severity</c>; <c>default</c> keeps the descriptor's.</summary>
    public static bool TryParse(string value, out DiagnosticSeverity? severity, out bool isDefault)
    {
        isDefault = false;
        severity = null;
        switch (value.Trim().ToUpperInvariant())
        {
            case "DEFAULT":
                isDefault = true;
                return true;
            case "NONE":
                return true;
            case "SILENT":
                severity = DiagnosticSeverity.Hidden;
                return true;
            case "SUGGESTION":
                severity = DiagnosticSeverity.Info;
                return true;
            case "WARNING":
                severity = DiagnosticSeverity.Warning;
                return true;
            case "ERROR":
                severity = DiagnosticSeverity.Error;
                return true;
            default:
                return false;
        }
    }
}
