using System.Text.Json;
using OnePassword.Users.Cli.Bulk;

namespace OnePassword.Users.Cli.Journal;

/// <summary>
/// Reads a journal back for <c>--resume</c>: the targets of its first run, which of them are done
/// (changed, or found already in the target state, by any run in the file), and which had a
/// state-changing call sent with no outcome after it (the tool was killed during that call).
/// A last line cut off mid-write by a kill is ignored; any other unreadable line is an error.
/// </summary>
internal static class JournalReader
{
    public static JournalContents Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"Cannot read the journal '{path}': {exception.Message}", exception);
        }

        JournalContents? contents = null;
        var done = new HashSet<int>();
        var attempted = new HashSet<int>();
        var tornLastLine = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(lines[i]);
            }
            catch (JsonException malformed)
            {
                if (i == lines.Length - 1)
                {
                    tornLastLine = true;
                    break;
                }

                throw new UsageException($"The journal '{path}' is damaged: line {i + 1} is not JSON ({malformed.Message}).", malformed);
            }

            using (document)
            {
                var line = document.RootElement;
                if (line.ValueKind != JsonValueKind.Object)
                {
                    throw new UsageException($"The journal '{path}' is damaged: line {i + 1} is not a JSON object.");
                }

                var type = String(line, "type");
                if (contents is null && type != "run")
                {
                    throw new UsageException($"'{path}' is not an op-users journal: its first line is not a run record.");
                }

                switch (type)
                {
                    case "run" when contents is null:
                        contents = FirstRun(path, line);
                        break;
                    case "attempt":
                        attempted.Add(Index(path, line, i));
                        break;
                    case "outcome":
                        var index = Index(path, line, i);
                        attempted.Remove(index);
                        if (OutcomeNames.Parse(String(line, "outcome")) is OutcomeKind.Changed or OutcomeKind.AlreadyInState)
                        {
                            done.Add(index);
                        }

                        break;
                }
            }
        }

        return contents is null
            ? throw new UsageException($"The journal '{path}' is empty.")
            : contents with { Done = done, Unfinished = [.. attempted.Order()], TornLastLine = tornLastLine };
    }

    private static JournalContents FirstRun(string path, JsonElement line)
    {
        if (!line.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != JournalFormat.Version)
        {
            throw new UsageException($"The journal '{path}' was written by an op-users version this one cannot resume (journal version {version}).");
        }

        if (!line.TryGetProperty("targets", out var listed) || listed.ValueKind != JsonValueKind.Array)
        {
            throw new UsageException($"The journal '{path}' is damaged: its first run record lists no targets.");
        }

        var targets = new List<BulkTarget>();
        foreach (var target in listed.EnumerateArray())
        {
            targets.Add(new BulkTarget(
                String(target, "source") ?? string.Empty,
                String(target, "value") ?? string.Empty,
                String(target, "kind") == "email" ? TargetKind.Email : TargetKind.Id,
                String(target, "problem")));
        }

        return new JournalContents(
            String(line, "action") ?? string.Empty,
            line.TryGetProperty("dry_run", out var dryRun) && dryRun.ValueKind == JsonValueKind.True,
            String(line, "account_id") ?? string.Empty,
            String(line, "base_url") ?? string.Empty,
            targets);
    }

    private static int Index(string path, JsonElement line, int lineNumber) =>
        line.TryGetProperty("index", out var index) && index.ValueKind == JsonValueKind.Number && index.TryGetInt32(out var value)
            ? value
            : throw new UsageException($"The journal '{path}' is damaged: line {lineNumber + 1} has no target index.");

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
