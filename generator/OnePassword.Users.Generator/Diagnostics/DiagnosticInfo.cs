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
    public Diagnostic ToDiagnostic()
    {
        var descriptor = DiagnosticCatalog.Find(Id);
        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, [.. Arguments]);
    }
}
