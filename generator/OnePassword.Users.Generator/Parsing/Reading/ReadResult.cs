using System.Collections.Generic;

namespace OnePassword.Users.Generator.Parsing.Reading;

/// <summary>What went wrong while reading a spec file, at a span of its text.</summary>
/// <param name="DescriptorId">The diagnostic to report: OAG001 for unreadable text, OAG004 for nesting too deep, OAG011 for a repeated key.</param>
internal sealed record ReadProblem(string DescriptorId, string Message, int Start, int End);

/// <summary>The tree read from a spec file (null when the text is unreadable) and the problems found.</summary>
internal sealed class ReadResult
{
    public ReadResult(SpecNode? root, ReadProblem? error, List<ReadProblem> warnings)
    {
        Root = root;
        Error = error;
        Warnings = warnings;
    }

    public SpecNode? Root { get; }

    /// <summary>Why the text could not be read; null when it was.</summary>
    public ReadProblem? Error { get; }

    /// <summary>Problems that lose a part of the document but not all of it.</summary>
    public List<ReadProblem> Warnings { get; }
}

/// <summary>Limits that keep a hostile or broken spec from exhausting the compiler.</summary>
internal static class ReadLimits
{
    /// <summary>
    /// Mappings and sequences nested deeper than this are dropped with a diagnostic. Real specs
    /// nest fewer than 30 levels (GitHub's 22, Zoom's 29); the readers build the tree without
    /// recursion, so the limit protects the parser's recursive walks above them.
    /// </summary>
    public const int MaxDepth = 256;
}
