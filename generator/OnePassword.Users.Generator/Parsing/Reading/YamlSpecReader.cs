using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using OnePassword.Users.Generator.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OnePassword.Users.Generator.Parsing.Reading;

/// <summary>
/// Reads YAML text into a <see cref="SpecNode"/> tree from YamlDotNet's parser events, without
/// recursion: anchors and aliases share nodes, <c>&lt;&lt;</c> merge keys are applied, nesting
/// beyond <see cref="ReadLimits.MaxDepth"/> is dropped with a diagnostic, and only the first
/// document of a stream is read.
/// </summary>
internal sealed class YamlSpecReader
{
    private readonly List<ReadProblem> _warnings = [];
    private readonly Dictionary<string, SpecNode> _anchors = new(System.StringComparer.Ordinal);
    private readonly BlockScalarLeadingLines? _rewrite;
    private readonly NodeBuilder _nodes;

    private YamlSpecReader(BlockScalarLeadingLines? rewrite)
    {
        _rewrite = rewrite;
        _nodes = new NodeBuilder(_warnings);
    }

    public static ReadResult Read(string text)
    {
        var first = new YamlSpecReader(null).ReadText(text);
        if (first.Error is null)
        {
            return first;
        }

        // A YamlDotNet limitation with space-only first lines of block scalars: read again
        // with those lines emptied; if that fails too, the first error is the one to show.
        var rewrite = BlockScalarLeadingLines.Rewrite(text);
        if (!rewrite.Changed)
        {
            return first;
        }

        var second = new YamlSpecReader(rewrite).ReadText(rewrite.Text);
        return second.Error is null ? second : first;
    }

    private ReadResult ReadText(string text)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            return new ReadResult(ReadDocument(parser), null, _warnings);
        }
#pragma warning disable CA1031 // YamlDotNet throws more than YamlException on some broken input: it is still unreadable text.
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException)
#pragma warning restore CA1031
        {
            var at = Offset(parser.Current?.Start ?? Mark.Empty);
            return new ReadResult(null, new ReadProblem(DiagnosticDescriptors.InvalidDocument.Id, exception.Message, at, at), _warnings);
        }
        catch (YamlException exception)
        {
            var message = exception.InnerException?.Message ?? exception.Message;
            var newline = message.IndexOf('\n');
            message = (newline < 0 ? message : message.Substring(0, newline)).Trim();
            return new ReadResult(null, new ReadProblem(DiagnosticDescriptors.InvalidDocument.Id, message, Offset(exception.Start), Offset(exception.End)), _warnings);
        }
    }

    private SpecNode? ReadDocument(IParser parser)
    {
        var stack = new List<Frame>();
        SpecNode? root = null;
        var inDocument = false;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            SpecNode? completed = null;
            switch (current)
            {
                case DocumentStart:
                    inDocument = true;
                    continue;
                case DocumentEnd:
                    return root;
                case Scalar scalar:
                    completed = new SpecScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Offset(scalar.Start), Offset(scalar.End));
                    Remember(scalar.Anchor, completed);
                    break;
                case AnchorAlias alias:
                    if (alias.Value.IsEmpty || !_anchors.TryGetValue(alias.Value.Value, out completed))
                    {
                        throw new SemanticErrorException(alias.Start, alias.End, $"The alias *{(alias.Value.IsEmpty ? string.Empty : alias.Value.Value)} names no anchor defined before it");
                    }

                    break;
                case MappingStart or SequenceStart:
                    var start = Offset(current.Start);
                    if (stack.Count >= ReadLimits.MaxDepth)
                    {
                        var end = SkipNested(parser);
                        _warnings.Add(new ReadProblem(DiagnosticDescriptors.UnsupportedConstruct.Id,
                            $"Nesting deeper than {ReadLimits.MaxDepth.ToString(CultureInfo.InvariantCulture)} levels is not supported; this value is left out", start, end));
                        completed = new SpecScalar(string.Empty, isPlain: true, start, end);
                        break;
                    }

                    stack.Add(current is MappingStart mapping
                        ? new Frame(start, mapping.Anchor, _nodes.RentEntries(), null)
                        : new Frame(start, ((SequenceStart)current).Anchor, null, _nodes.RentItems()));
                    continue;
                case MappingEnd or SequenceEnd:
                    var frame = stack[stack.Count - 1];
                    stack.RemoveAt(stack.Count - 1);
                    completed = frame.Entries is { } entries
                        ? _nodes.Map(frame.Start, Offset(current.End), entries, frame.Merged)
                        : _nodes.Sequence(frame.Start, Offset(current.End), frame.Items!);
                    Remember(frame.Anchor, completed);
                    break;
                default:
                    continue;
            }

            if (!inDocument)
            {
                continue;
            }

            if (stack.Count == 0)
            {
                root = completed;
            }
            else
            {
                Attach(stack[stack.Count - 1], completed);
            }
        }

        return root;
    }

    private static void Attach(Frame frame, SpecNode value)
    {
        if (frame.Items is { } items)
        {
            items.Add(value);
            return;
        }

        if (!frame.HasKey)
        {
            frame.HasKey = true;
            frame.Key = value as SpecScalar; // a complex (non-scalar) key names no OpenAPI field: its entry is dropped
            return;
        }

        frame.HasKey = false;
        if (frame.Key is not { } key)
        {
            return;
        }

        if (key.IsPlain && key.Value == "<<")
        {
            // A merge key brings in the entries of the map(s) it names that the map does not set itself.
            var sources = value is SpecSequence list ? list.Children : [value];
            foreach (var source in sources)
            {
                foreach (var entry in (source as SpecMap)?.Entries ?? [])
                {
                    (frame.Merged ??= []).Add(entry);
                }
            }

            return;
        }

        frame.Entries!.Add(new SpecEntry(key.Value, key.Start, key.End, value));
    }

    // Anchors are registered when their node is complete, so an alias inside its own anchored
    // node is an error rather than a cycle that would send the parser round forever.
    private void Remember(AnchorName anchor, SpecNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }
    }

    private int SkipNested(IParser parser)
    {
        var depth = 1;
        while (depth > 0 && parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    depth++;
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }

        return Offset(parser.Current!.End);
    }

    private int Offset(Mark mark) => _rewrite is null ? (int)mark.Index : _rewrite.ToOriginal(mark.Index);

    private sealed class Frame(int start, AnchorName anchor, List<SpecEntry>? entries, List<SpecNode>? items)
    {
        public int Start { get; } = start;

        public AnchorName Anchor { get; } = anchor;

        public List<SpecEntry>? Entries { get; } = entries;

        public List<SpecNode>? Items { get; } = items;

        public bool HasKey { get; set; }

        public SpecScalar? Key { get; set; }

        public List<SpecEntry>? Merged { get; set; }
    }
}
