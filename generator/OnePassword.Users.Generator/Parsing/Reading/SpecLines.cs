using System;
using System.Collections.Generic;
using OnePassword.Users.Generator.Diagnostics;

namespace OnePassword.Users.Generator.Parsing.Reading;

/// <summary>
/// Turns character offsets into line and column positions. The line starts are found once, the
/// first time a diagnostic needs them, so a clean spec never pays for them.
/// </summary>
internal sealed class SpecLines
{
    private readonly string _text;
    private int[]? _starts;

    public SpecLines(string text) => _text = text;

    public SpecLocation Locate(string filePath, int start, int end)
    {
        start = Math.Min(Math.Max(0, start), _text.Length);
        end = Math.Min(Math.Max(start, end), _text.Length);
        var (startLine, startColumn) = Position(start);
        var (endLine, endColumn) = Position(end);
        return new SpecLocation(filePath, start, end - start, startLine, startColumn, endLine, endColumn);
    }

    private (int Line, int Column) Position(int offset)
    {
        var starts = _starts ??= FindLineStarts(_text);
        var line = Array.BinarySearch(starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line, offset - starts[line]);
    }

    private static int[] FindLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            starts.Add(i + 1);
        }

        return starts.ToArray();
    }
}
