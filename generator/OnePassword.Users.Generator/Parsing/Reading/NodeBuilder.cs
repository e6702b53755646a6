using System;
using System.Collections.Generic;
using OnePassword.Users.Generator.Diagnostics;

namespace OnePassword.Users.Generator.Parsing.Reading;

/// <summary>
/// Collects the entries or items of the containers a reader has open, and freezes each into a
/// right-sized node when it closes. The lists are reused from one container to the next, so a
/// spec of a million nodes allocates arrays only of the sizes it needs.
/// </summary>
internal sealed class NodeBuilder
{
    private readonly Stack<List<SpecEntry>> _entryLists = new();
    private readonly Stack<List<SpecNode>> _itemLists = new();
    private const int SmallMap = 16;
    private readonly Dictionary<string, int> _positions = new(System.StringComparer.Ordinal);
    private readonly List<ReadProblem> _warnings;
    private readonly Chunks<SpecEntry> _entryChunks = new(2048);
    private readonly Chunks<SpecNode> _itemChunks = new(8192);

    public NodeBuilder(List<ReadProblem> warnings) => _warnings = warnings;

    public List<SpecEntry> RentEntries() => _entryLists.Count > 0 ? _entryLists.Pop() : [];

    public List<SpecNode> RentItems() => _itemLists.Count > 0 ? _itemLists.Pop() : [];

    /// <summary>
    /// The map of <paramref name="entries"/>: a repeated key keeps its first position and takes
    /// its last value (as JSON parsers do), and is reported. <paramref name="merged"/> entries
    /// (from YAML merge keys) fill in keys the map does not set itself.
    /// </summary>
    public SpecMap Map(int start, int end, List<SpecEntry> entries, List<SpecEntry>? merged = null)
    {
        var repeated = entries.Count <= SmallMap ? RepeatedKeysInSmallMap(entries) : RepeatedKeysInLargeMap(entries);
        ArraySegment<SpecEntry> result;
        if (!repeated && merged is not { Count: > 0 })
        {
            result = _entryChunks.Copy(entries);
        }
        else
        {
            // Rare (repeated keys or YAML merge keys): the positions map is cleared only here.
            _positions.Clear();
            var unique = new List<SpecEntry>(entries.Count + (merged?.Count ?? 0));
            foreach (var entry in entries)
            {
                if (_positions.TryGetValue(entry.Key, out var earlier))
                {
                    unique[earlier] = new SpecEntry(unique[earlier].Key, unique[earlier].KeyStart, unique[earlier].KeyEnd, entry.Value);
                }
                else
                {
                    _positions[entry.Key] = unique.Count;
                    unique.Add(entry);
                }
            }

            foreach (var entry in merged ?? [])
            {
                if (!_positions.ContainsKey(entry.Key))
                {
                    _positions[entry.Key] = unique.Count;
                    unique.Add(entry);
                }
            }

            result = _entryChunks.Copy(unique);
        }

        entries.Clear();
        _entryLists.Push(entries);
        return new SpecMap(start, end, result);
    }

    // Most maps hold a few keys: comparing each pair is cheaper than hashing them.
    private bool RepeatedKeysInSmallMap(List<SpecEntry> entries)
    {
        var repeated = false;
        for (var i = 1; i < entries.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(entries[i].Key, entries[j].Key, System.StringComparison.Ordinal))
                {
                    Report(entries[i]);
                    repeated = true;
                    break;
                }
            }
        }

        return repeated;
    }

    private bool RepeatedKeysInLargeMap(List<SpecEntry> entries)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var repeated = false;
        foreach (var entry in entries)
        {
            if (!seen.Add(entry.Key))
            {
                Report(entry);
                repeated = true;
            }
        }

        return repeated;
    }

    private void Report(SpecEntry entry) =>
        _warnings.Add(new ReadProblem(DiagnosticDescriptors.DuplicateKey.Id, entry.Key, entry.KeyStart, entry.KeyEnd));

    public SpecSequence Sequence(int start, int end, List<SpecNode> items)
    {
        var result = _itemChunks.Copy(items);
        items.Clear();
        _itemLists.Push(items);
        return new SpecSequence(start, end, result);
    }

    /// <summary>
    /// The entries of many small containers share large arrays: a spec of a few hundred thousand
    /// nodes then allocates a few hundred arrays, not a few hundred thousand, which the garbage
    /// collector would otherwise copy from generation to generation while the tree is built.
    /// A chunk stays under 85 KB, the size from which arrays go to the large object heap, whose
    /// allocations set off full collections.
    /// </summary>
    private sealed class Chunks<T>(int size)
    {
        private T[] _chunk = new T[size];
        private int _used;

        public ArraySegment<T> Copy(List<T> items)
        {
            if (items.Count > size / 8)
            {
                return new ArraySegment<T>(items.ToArray());
            }

            if (_used + items.Count > _chunk.Length)
            {
                _chunk = new T[size];
                _used = 0;
            }

            items.CopyTo(_chunk, _used);
            var segment = new ArraySegment<T>(_chunk, _used, items.Count);
            _used += items.Count;
            return segment;
        }
    }
}
