using System.Collections.Generic;
using System.Globalization;
using OnePassword.Users.Generator.Diagnostics;

namespace OnePassword.Users.Generator.Parsing.Reading;

/// <summary>
/// Reads JSON text into a <see cref="SpecNode"/> tree in one pass, without recursion. Specs of
/// several megabytes are JSON (GitHub's is 13 MB), and a general YAML parser reads JSON many
/// times slower than this, so JSON gets its own reader. Netstandard2.0 inside the compiler
/// cannot count on System.Text.Json, and needs none.
/// </summary>
internal sealed class JsonSpecReader
{
    private readonly string _text;
    private readonly List<ReadProblem> _warnings = [];
    private readonly NodeBuilder _nodes;
    private readonly KeyTable _keys;
    private int _position;

    private JsonSpecReader(string text)
    {
        _text = text;
        _nodes = new NodeBuilder(_warnings);
        _keys = new KeyTable(text);
    }

    /// <summary>Whether the text looks like JSON (its first non-blank character is <c>{</c>).</summary>
    public static bool LooksLikeJson(string text)
    {
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                continue;
            }

            return c == '{';
        }

        return false;
    }

    public static ReadResult Read(string text)
    {
        var reader = new JsonSpecReader(text);
        try
        {
            var root = reader.ReadDocument();
            return new ReadResult(root, null, reader._warnings);
        }
        catch (JsonSyntaxException exception)
        {
            return new ReadResult(null, new ReadProblem(DiagnosticDescriptors.InvalidDocument.Id, exception.Message, exception.Position, exception.Position), reader._warnings);
        }
    }

    private SpecNode ReadDocument()
    {
        SkipWhitespace();
        var stack = new List<Frame>();
        var completed = StartValue(stack);
        while (true)
        {
            if (completed is not null)
            {
                if (stack.Count == 0)
                {
                    SkipWhitespace();
                    if (_position < _text.Length)
                    {
                        throw Error("Unexpected text after the end of the JSON document");
                    }

                    return completed;
                }

                var parent = stack[stack.Count - 1];
                if (parent.Entries is { } entries)
                {
                    entries.Add(new SpecEntry(parent.Key!, parent.KeyStart, parent.KeyEnd, completed));
                }
                else
                {
                    parent.Items!.Add(completed);
                }

                completed = null;
            }

            var frame = stack[stack.Count - 1];
            SkipWhitespace();
            var close = frame.Entries is not null ? '}' : ']';
            if (Peek() == close)
            {
                _position++;
                stack.RemoveAt(stack.Count - 1);
                completed = frame.Entries is { } done
                    ? _nodes.Map(frame.Start, _position, done)
                    : _nodes.Sequence(frame.Start, _position, frame.Items!);
                continue;
            }

            if (frame.HasItems)
            {
                if (Peek() != ',')
                {
                    throw Error($"Expected ',' or '{close}'");
                }

                _position++;
                SkipWhitespace();
            }

            frame.HasItems = true;
            if (frame.Entries is not null)
            {
                ReadKey(frame);
                SkipWhitespace();
                if (Peek() != ':')
                {
                    throw Error("Expected ':' after a property name");
                }

                _position++;
                SkipWhitespace();
            }

            completed = StartValue(stack);
        }
    }

    /// <summary>Reads a scalar, or opens a container on the stack and returns null.</summary>
    private SpecNode? StartValue(List<Frame> stack)
    {
        var start = _position;
        switch (Peek())
        {
            case '{':
            case '[':
                if (stack.Count >= ReadLimits.MaxDepth)
                {
                    SkipContainer();
                    _warnings.Add(new ReadProblem(DiagnosticDescriptors.UnsupportedConstruct.Id,
                        $"Nesting deeper than {ReadLimits.MaxDepth.ToString(CultureInfo.InvariantCulture)} levels is not supported; this value is left out", start, _position));
                    return new SpecScalar(string.Empty, isPlain: true, start, _position);
                }

                _position++;
                stack.Add(_text[start] == '{' ? new Frame(start, _nodes.RentEntries(), null) : new Frame(start, null, _nodes.RentItems()));
                return null;
            case '"':
                var escaped = ScanString();
                return SpecScalar.FromJson(_text, quoted: true, escaped, start, _position);
            case 't':
                return Literal("true");
            case 'f':
                return Literal("false");
            case 'n':
                return Literal("null");
            case '-':
            case >= '0' and <= '9':
                return Number();
            default:
                throw Error(_position >= _text.Length ? "The JSON ends where a value was expected" : "Expected a JSON value");
        }
    }

    private void ReadKey(Frame frame)
    {
        var start = _position;
        if (Peek() != '"')
        {
            throw Error("Expected a property name in double quotes");
        }

        var escaped = ScanString();
        frame.Key = escaped ? JsonStrings.Unescape(_text, start + 1, _position - 1) : _keys.Get(start + 1, _position - 1);
        frame.KeyStart = start;
        frame.KeyEnd = _position;
    }

    /// <summary>Moves past a string, checking it; true when it holds escapes.</summary>
    private bool ScanString()
    {
        var escaped = false;
        _position++;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                return escaped;
            }

            if (c < ' ')
            {
                throw Error("A control character must be escaped inside a JSON string");
            }

            if (c == '\\')
            {
                escaped = true;
                if (_position + 1 >= _text.Length)
                {
                    break;
                }

                var escape = _text[_position + 1];
                if (escape == 'u')
                {
                    if (!JsonStrings.TryHex(_text, _position + 2, out _))
                    {
                        throw Error("Expected four hex digits after \\u");
                    }

                    _position += 6;
                    continue;
                }

                if (escape is not ('"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't'))
                {
                    throw Error("An invalid escape sequence in a JSON string");
                }

                _position += 2;
                continue;
            }

            _position++;
        }

        throw Error("The JSON ends inside a string");
    }

    private SpecScalar Literal(string word)
    {
        var start = _position;
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            throw Error("Expected a JSON value");
        }

        _position += word.Length;
        return SpecScalar.FromJson(_text, quoted: false, escaped: false, start, _position);
    }

    private SpecScalar Number()
    {
        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        var start = _position;
        if (Peek() == '-')
        {
            _position++;
        }

        if (Peek() == '0')
        {
            _position++;
        }
        else if (!Digits())
        {
            throw Error("An invalid JSON number");
        }

        if (Peek() == '.')
        {
            _position++;
            if (!Digits())
            {
                throw Error("An invalid JSON number");
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _position++;
            if (Peek() is '+' or '-')
            {
                _position++;
            }

            if (!Digits())
            {
                throw Error("An invalid JSON number");
            }
        }

        return SpecScalar.FromJson(_text, quoted: false, escaped: false, start, _position);
    }

    private bool Digits()
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] is >= '0' and <= '9')
        {
            _position++;
        }

        return _position > start;
    }

    /// <summary>Moves past a container without building it, for values nested too deeply.</summary>
    private void SkipContainer()
    {
        var depth = 0;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '"')
            {
                ScanString();
                continue;
            }

            _position++;
            if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']' && --depth == 0)
            {
                return;
            }
        }

        throw Error("The JSON ends inside an object or array");
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipWhitespace()
    {
        while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
        {
            _position++;
        }
    }

    private JsonSyntaxException Error(string message) => new(message, System.Math.Min(_position, _text.Length));

    private sealed class Frame(int start, List<SpecEntry>? entries, List<SpecNode>? items)
    {
        public int Start { get; } = start;

        public List<SpecEntry>? Entries { get; } = entries;

        public List<SpecNode>? Items { get; } = items;

        public string? Key { get; set; }

        public int KeyStart { get; set; }

        public int KeyEnd { get; set; }

        public bool HasItems { get; set; }
    }

    /// <summary>
    /// One string per distinct key, found by hashing the key's characters in place: keys repeat
    /// thousands of times in a large spec (type, description, $ref) and are allocated once each.
    /// </summary>
    private sealed class KeyTable(string text)
    {
        private readonly Dictionary<int, List<string>> _byHash = [];

        public string Get(int start, int end)
        {
            var hash = unchecked((int)2166136261);
            for (var i = start; i < end; i++)
            {
                hash = unchecked((hash ^ text[i]) * 16777619);
            }

            var length = end - start;
            if (_byHash.TryGetValue(hash, out var candidates))
            {
                foreach (var candidate in candidates)
                {
                    if (candidate.Length == length && string.CompareOrdinal(text, start, candidate, 0, length) == 0)
                    {
                        return candidate;
                    }
                }
            }
            else
            {
                _byHash[hash] = candidates = [];
            }

            var key = text.Substring(start, length);
            candidates.Add(key);
            return key;
        }
    }

    private sealed class JsonSyntaxException(string message, int position) : System.Exception(message)
    {
        public int Position { get; } = position;
    }
}
