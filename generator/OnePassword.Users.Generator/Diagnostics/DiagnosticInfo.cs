using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Diagnostics;

/// <summary>A place in a spec file, held as plain values so diagnostics stay equatable.</summary>
internal sealed record SpecLocation(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}

/// <summary>A diagnostic waiting to be reported: the descriptor id, its message arguments and where.</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, SpecLocation? Location)
{
    /// <summary>The diagnostic at the severity chosen for its id, or null when that is <c>none</c>.</summary>
    public Diagnostic? ToDiagnostic(EquatableArray<SeverityOverride> severities)
    {
        var descriptor = DiagnosticCatalog.Find(Id);
        var chosen = severities.FirstOrDefault(s => s.Id == Id);
        if (chosen is { Severity: null })
        {
            return null;
        }

        return Diagnostic.Create(
            descriptor,
            Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
            chosen?.Severity ?? descriptor.DefaultSeverity,
            additionalLocations: null,
            properties: null,
            [.. Arguments]);
    }
}
