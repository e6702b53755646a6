using System;
using System.Collections.Generic;

namespace OnePassword.Users.Generator.Parsing.Reading;

/// <summary>
/// A node of a spec file read as a tree: a mapping, a sequence or a scalar, with where it is
/// written (character offsets into the file's text). JSON and YAML read into the same tree, so
/// the parser above it does not know which one the spec was.
/// </summary>
internal abstract class SpecNode
{
    protected SpecNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    /// <summary>The offset of the node's first character in the spec text.</summary>
    public int Start { get; }

    /// <summary>The offset just past the node's last character.</summary>
    public int End { get; }
}

/// <summary>
/// A string, number, boolean or null, as written. A JSON scalar keeps only where it is and
/// makes its string when first asked: most of a large spec (descriptions, examples) is never
/// read, and allocating it all would cost more than the rest of the reading.
/// </summary>
internal sealed class SpecScalar : SpecNode
{
    private readonly string? _source;
    private readonly bool _escaped;
    private string? _value;

    public SpecScalar(string value, bool isPlain, int start, int end)
        : base(start, end)
    {
        _value = value;
        IsPlain = isPlain;
    }

    private SpecScalar(string source, bool isPlain, bool escaped, int start, int end)
        : base(start, end)
    {
        _source = source;
        _escaped = escaped;
        IsPlain = isPlain;
    }

    public string Value => _value ??= Materialize();

    /// <summary>Unquoted: a JSON number or literal, or a YAML plain scalar.</summary>
    public bool IsPlain { get; }

    /// <summary>A JSON <c>null</c>, or a YAML plain <c>null</c>, <c>~</c> or empty scalar.</summary>
    public bool IsNull => IsPlain && Value is "null" or "Null" or "NULL" or "~" or "";

    /// <summary>A JSON string (quotes included in the span) or a JSON number or literal.</summary>
    public static SpecScalar FromJson(string source, bool quoted, bool escaped, int start, int end) =>
        new(source, !quoted, escaped, start, end);

    private string Materialize()
    {
        if (IsPlain)
        {
            return _source!.Substring(Start, End - Start);
        }

        return _escaped ? JsonStrings.Unescape(_source!, Start + 1, End - 1) : _source!.Substring(Start + 1, End - Start - 2);
    }
}

/// <summary>One key and value of a mapping, with where the key is written.</summary>
internal readonly struct SpecEntry
{
    public SpecEntry(string key, int keyStart, int keyEnd, SpecNode value)
    {
        Key = key;
        KeyStart = keyStart;
        KeyEnd = keyEnd;
        Value = value;
    }

    public string Key { get; }

    public int KeyStart { get; }

    public int KeyEnd { get; }

    public SpecNode Value { get; }

    /// <summary>The key as a node, for diagnostics located at it.</summary>
    public SpecScalar KeyNode() => new(Key, isPlain: false, KeyStart, KeyEnd);
}

/// <summary>A mapping (JSON object): keys in the order written, each once.</summary>
internal sealed class SpecMap : SpecNode
{
    private const int IndexThreshold = 8;
    private readonly ArraySegment<SpecEntry> _entries;
    private Dictionary<string, int>? _index;

    public SpecMap(int start, int end, ArraySegment<SpecEntry> entries)
        : base(start, end)
    {
        _entries = entries;
    }

    /// <summary>A map with nothing in it, for absent sections.</summary>
    public static SpecMap Empty { get; } = new(0, 0, new ArraySegment<SpecEntry>([]));

    public IReadOnlyList<SpecEntry> Entries => _entries;

    public int Count => _entries.Count;

    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public SpecNode? Get(string key)
    {
        var position = IndexOf(key);
        return position < 0 ? null : Entry(position).Value;
    }

    /// <summary>The key node of <paramref name="key"/>, or null.</summary>
    public SpecScalar? KeyNode(string key)
    {
        var position = IndexOf(key);
        return position < 0 ? null : Entry(position).KeyNode();
    }

    private SpecEntry Entry(int index) => _entries.Array![_entries.Offset + index];

    private int IndexOf(string key)
    {
        if (_entries.Count > IndexThreshold)
        {
            // Built on the first look-up: most large maps (properties, paths) are only enumerated.
            var index = _index;
            if (index is null)
            {
                index = new Dictionary<string, int>(_entries.Count, StringComparer.Ordinal);
                for (var i = 0; i < _entries.Count; i++)
                {
                    index[Entry(i).Key] = i;
                }

                _index = index;
            }

            return index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(Entry(i).Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A sequence (JSON array).</summary>
internal sealed class SpecSequence : SpecNode
{
    private readonly ArraySegment<SpecNode> _children;

    public SpecSequence(int start, int end, ArraySegment<SpecNode> children)
        : base(start, end)
    {
        _children = children;
    }

    public IReadOnlyList<SpecNode> Children => _children;
}
