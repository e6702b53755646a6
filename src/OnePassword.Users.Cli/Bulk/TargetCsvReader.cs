namespace OnePassword.Users.Cli.Bulk;

/// <summary>
/// Reads the users to change from a CSV file: a header row with an <c>id</c> or <c>email</c>
/// column (other columns are ignored, so <c>users list --output csv</c> can be fed back), or a
/// single column without a header, where each value is an email if it has an <c>@</c> and an id otherwise.
/// </summary>
internal static class TargetCsvReader
{
    public static IReadOnlyList<BulkTarget> Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"Cannot read --from-csv file '{path}': {exception.Message}", exception);
        }

        IReadOnlyList<CsvRecord> records;
        try
        {
            records = CsvParser.Parse(text);
        }
        catch (FormatException malformed)
        {
            throw new UsageException($"--from-csv file '{path}' is not valid CSV: {malformed.Message}", malformed);
        }

        var name = Path.GetFileName(path);
        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0].Fields.Select(field => field.Trim()).ToList();
        var idColumn = header.FindIndex(field => field.Equals("id", StringComparison.OrdinalIgnoreCase));
        var emailColumn = header.FindIndex(field => field.Equals("email", StringComparison.OrdinalIgnoreCase));
        if (idColumn >= 0)
        {
            return [.. records.Skip(1).Select(record => FromColumn(name, record, idColumn, TargetKind.Id))];
        }

        if (emailColumn >= 0)
        {
            return [.. records.Skip(1).Select(record => FromColumn(name, record, emailColumn, TargetKind.Email))];
        }

        if (records.All(record => record.Fields.Count == 1))
        {
            return [.. records.Select(record => FromSingleColumn(name, record))];
        }

        throw new UsageException($"--from-csv file '{path}' has several columns but no header row naming an 'id' or 'email' column.");
    }

    private static BulkTarget FromColumn(string name, CsvRecord record, int column, TargetKind kind)
    {
        var source = $"{name} line {record.Line}";
        var columnName = kind == TargetKind.Id ? "id" : "email";
        if (column >= record.Fields.Count)
        {
            return new BulkTarget(source, string.Join(",", record.Fields), kind, $"the row has {record.Fields.Count} field(s) and no {columnName} column");
        }

        var value = record.Fields[column].Trim();
        var problem = value.Length == 0 ? $"the {columnName} is empty"
            : kind == TargetKind.Email && !value.Contains('@', StringComparison.Ordinal) ? $"'{value}' is not an email address"
            : kind == TargetKind.Id && value.Contains('@', StringComparison.Ordinal) ? $"'{value}' is an email address in the id column"
            : null;
        return new BulkTarget(source, value, kind, problem);
    }

    private static BulkTarget FromSingleColumn(string name, CsvRecord record)
    {
        var value = record.Fields[0].Trim();
        var kind = value.Contains('@', StringComparison.Ordinal) ? TargetKind.Email : TargetKind.Id;
        return new BulkTarget($"{name} line {record.Line}", value, kind, value.Length == 0 ? "the value is empty" : null);
    }
}
