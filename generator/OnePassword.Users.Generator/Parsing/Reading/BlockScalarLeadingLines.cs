using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace OnePassword.Users.Generator.Parsing.Reading;

/// <summary>
/// Works around a YamlDotNet limitation: it rejects a block scalar (<c>|</c>, <c>|+</c>,
/// <c>&gt;-</c>...) whose first lines hold only spaces, as many as the content's indentation
/// ("found extra spaces in first line"), which YAML 1.2 allows. Such leading lines stand for
/// line breaks only (their spaces are not content), so emptying them changes no value. The
/// rewrite keeps every line, and <see cref="ToOriginal"/> maps offsets back to the file's.
/// </summary>
internal sealed class BlockScalarLeadingLines
{
    // A line that ends in a block scalar header without an indentation indicator: after a key
    // (`key: |+`), a sequence dash (`- >`), or alone, optionally with a tag, an anchor or a comment.
    private static readonly Regex Header = new(
        @"^ *(?:- +)*(?:(?:""(?:[^""\\]|\\.)*""|'(?:[^']|'')*'|[^\s#'""\-?:][^#]*?|[?:-][^\s#][^#]*?) *: +)?(?:[!&]\S+ +)*[|>][+-]? *(?:#.*)?$",
        RegexOptions.CultureInvariant);

    private readonly int[] _patchedPositions;
    private readonly int[] _removedUpTo;

    private BlockScalarLeadingLines(string text, int[] patchedPositions, int[] removedUpTo)
    {
        Text = text;
        _patchedPositions = patchedPositions;
        _removedUpTo = removedUpTo;
    }

    /// <summary>The rewritten text.</summary>
    public string Text { get; }

    public bool Changed => _patchedPositions.Length > 0;

    /// <summary>Empties the space-only lines that open each block scalar.</summary>
    public static BlockScalarLeadingLines Rewrite(string text)
    {
        var output = new StringBuilder(text.Length);
        var positions = new List<int>();
        var removed = new List<int>();
        var total = 0;
        var lineStart = 0;
        var blockIndent = -1; // inside a block scalar's content: the indentation of its header line
        var leading = false;  // still before the block scalar's first non-blank line
        while (lineStart < text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var contentEnd = lineEnd > lineStart && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            var indent = 0;
            while (lineStart + indent < contentEnd && text[lineStart + indent] == ' ')
            {
                indent++;
            }

            var blank = lineStart + indent == contentEnd;
            if (blockIndent >= 0 && (blank || indent > blockIndent))
            {
                if (blank && leading && indent > 0)
                {
                    positions.Add(output.Length);
                    total += indent;
                    removed.Add(total);
                    output.Append(text, lineStart + indent, lineEnd - lineStart - indent);
                }
                else
                {
                    leading &= blank;
                    output.Append(text, lineStart, lineEnd - lineStart);
                }
            }
            else
            {
                blockIndent = -1;
                var line = text.Substring(lineStart, contentEnd - lineStart);
                if (Header.IsMatch(line))
                {
                    blockIndent = indent;
                    leading = true;
                }

                output.Append(text, lineStart, lineEnd - lineStart);
            }

            if (newline < 0)
            {
                break;
            }

            output.Append('\n');
            lineStart = newline + 1;
        }

        return new BlockScalarLeadingLines(output.ToString(), positions.ToArray(), removed.ToArray());
    }

    /// <summary>The offset in the original text of an offset in <see cref="Text"/>.</summary>
    public int ToOriginal(long patchedOffset)
    {
        var offset = (int)patchedOffset;
        var low = 0;
        var high = _patchedPositions.Length - 1;
        var found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_patchedPositions[middle] <= offset)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 ? offset : offset + _removedUpTo[found];
    }
}
