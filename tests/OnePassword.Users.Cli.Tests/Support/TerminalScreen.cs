using System.Text;

namespace OnePassword.Users.Cli.Tests.Support;

/// <summary>
/// A small terminal emulator for what the tool writes to a terminal: printable text with
/// autowrap at the width, CR, LF, and the escape sequences the live display uses (cursor up,
/// erase to the end of the screen, SGR colours, which are ignored). Anything else fails the test,
/// so a new escape sequence cannot slip past unchecked. The result is the screen a person would
/// see, with scrollback: every row ever written, top to bottom.
/// </summary>
internal sealed class TerminalScreen
{
    private readonly int _width;
    private readonly List<StringBuilder> _rows = [new()];
    private readonly HashSet<int> _continuations = [];
    private int _row;
    private int _column;

    private TerminalScreen(int width) => _width = width;

    /// <summary>The widest any row ever got: it must never exceed the width.</summary>
    public int WidestRow { get; private set; }

    public IReadOnlyList<string> Rows => [.. _rows.Select(row => row.ToString().TrimEnd())];

    public string Text => string.Join("\n", Rows).TrimEnd();

    /// <summary>The rows with each soft-wrapped line joined back into one: what was written, as the terminal shows it.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            var lines = new List<string>();
            for (var i = 0; i < _rows.Count; i++)
            {
                if (_continuations.Contains(i) && lines.Count > 0)
                {
                    lines[^1] += _rows[i].ToString();
                }
                else
                {
                    lines.Add(_rows[i].ToString());
                }
            }

            return [.. lines.Select(line => line.TrimEnd())];
        }
    }

    public static TerminalScreen Render(string output, int width)
    {
        var screen = new TerminalScreen(width);
        screen.Feed(output);
        return screen;
    }

    private void Feed(string output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            var c = output[i];
            switch (c)
            {
                case '\r':
                    _column = 0;
                    break;
                case '\n':
                    _row++;
                    _column = 0;
                    EnsureRow();
                    _continuations.Remove(_row);
                    break;
                case '\u001b':
                    i = Escape(output, i);
                    break;
                default:
                    Put(c);
                    break;
            }
        }
    }

    private void Put(char c)
    {
        if (_column == _width)
        {
            // Autowrap: the character goes to the start of the next row.
            _row++;
            _column = 0;
            EnsureRow();
            _continuations.Add(_row);
        }

        var row = _rows[_row];
        while (row.Length < _column)
        {
            row.Append(' ');
        }

        if (row.Length == _column)
        {
            row.Append(c);
        }
        else
        {
            row[_column] = c;
        }

        _column++;
        WidestRow = Math.Max(WidestRow, row.Length);
    }

    private int Escape(string output, int start)
    {
        if (start + 1 >= output.Length || output[start + 1] != '[')
        {
            throw new InvalidOperationException($"Unexpected escape at {start}: {Excerpt(output, start)}");
        }

        var end = start + 2;
        while (end < output.Length && (char.IsDigit(output[end]) || output[end] is ';' or '?'))
        {
            end++;
        }

        var parameter = output[(start + 2)..end];
        var command = output[end];
        switch (command)
        {
            case 'A':
                _row = Math.Max(0, _row - (parameter.Length == 0 ? 1 : int.Parse(parameter, System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case 'J' when parameter is "" or "0":
                _rows[_row].Length = Math.Min(_rows[_row].Length, _column);
                _rows.RemoveRange(_row + 1, _rows.Count - _row - 1);
                _continuations.RemoveWhere(row => row > _row);
                break;
            case 'm':
                break;
            default:
                throw new InvalidOperationException($"Unsupported escape sequence at {start}: {Excerpt(output, start)}");
        }

        return end;
    }

    private void EnsureRow()
    {
        while (_rows.Count <= _row)
        {
            _rows.Add(new StringBuilder());
        }
    }

    private static string Excerpt(string output, int start) => output.Substring(start, Math.Min(12, output.Length - start)).Replace("\u001b", "ESC", StringComparison.Ordinal);
}
