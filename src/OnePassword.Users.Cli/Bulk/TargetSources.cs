namespace OnePassword.Users.Cli.Bulk;

/// <summary>
/// Collects the targets of a command from its arguments, where <c>-</c> reads them from stdin,
/// and from a <c>--from-csv</c> file, where <c>-</c> is stdin as well.
/// </summary>
internal static class TargetSources
{
    public const string Stdin = "-";

    public static IReadOnlyList<BulkTarget> Read(IReadOnlyList<string> arguments, string? csvPath, TextReader stdin)
    {
        var stdinUses = arguments.Count(argument => argument == Stdin) + (csvPath == Stdin ? 1 : 0);
        if (stdinUses > 1)
        {
            throw new UsageException("'-' (stdin) can be given only once: stdin can be read only once.");
        }

        var targets = new List<BulkTarget>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] == Stdin)
            {
                targets.AddRange(TargetText.Parse("stdin", stdin.ReadToEnd()));
            }
            else
            {
                targets.Add(BulkTarget.Of($"argument {i + 1}", arguments[i]));
            }
        }

        if (csvPath is not null)
        {
            targets.AddRange(csvPath == Stdin ? TargetText.Parse("stdin", stdin.ReadToEnd()) : TargetText.Parse(Path.GetFileName(csvPath), ReadFile(csvPath)));
        }

        return targets;
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"Cannot read --from-csv file '{path}': {exception.Message}", exception);
        }
    }
}
