using System.Text.Json;
using OnePassword.Users.Cli.Output;

namespace OnePassword.Users.Cli.Bulk;

/// <summary>
/// Reads targets from text in any form this tool writes or a person would type:
/// <list type="bullet">
/// <item>CSV with a header row naming an <c>id</c> and/or <c>email</c> column (other columns are ignored, so
/// <c>users list --output csv</c> feeds back); a row uses its id, or its email when the id is empty;</item>
/// <item>one value per line, no header: ids and emails mixed;</item>
/// <item>JSON: an array of users, ids or emails (<c>users list --output json</c>), or one object per line
/// (<c>users get</c> or a bulk command's <c>--output json</c>).</item>
/// </list>
/// A value with an <c>@</c> is an email, anything else an id, whatever column it is in.
/// </summary>
internal static class TargetText
{
    /// <param name="name">How to name the input in messages: a file name, or <c>stdin</c>.</param>
    /// <param name="text">The whole input.</param>
    /// <exception cref="UsageException">The input cannot be read as any of the forms above.</exception>
    public static IReadOnlyList<BulkTarget> Parse(string name, string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.Length > 0 && start[0] is '[' or '{' ? ParseJson(name, text) : ParseCsv(name, text);
    }

    private static List<BulkTarget> ParseCsv(string name, string text)
    {
        IReadOnlyList<CsvRecord> records;
        try
        {
            records = CsvParser.Parse(text);
        }
        catch (FormatException malformed)
        {
            throw new UsageException($"{name} is not valid CSV: {malformed.Message}", malformed);
        }

        if (records.Count == 0)
        {
            return [];
        }

        var header = records[0].Fields.Select(field => field.Trim()).ToList();
        var idColumn = header.FindIndex(field => field.Equals("id", StringComparison.OrdinalIgnoreCase));
        var emailColumn = header.FindIndex(field => field.Equals("email", StringComparison.OrdinalIgnoreCase));
        if (idColumn >= 0 || emailColumn >= 0)
        {
            return [.. records.Skip(1).Select(record => FromColumns(name, record, idColumn, emailColumn))];
        }

        if (records.All(record => record.Fields.Count == 1))
        {
            return [.. records.Select(record => BulkTarget.Of($"{name} line {record.Line}", FormulaGuard.Unprotect(record.Fields[0].Trim())))];
        }

        throw new UsageException($"{name} has several columns but no header row naming an 'id' or 'email' column.");
    }

    private static BulkTarget FromColumns(string name, CsvRecord record, int idColumn, int emailColumn)
    {
        var source = $"{name} line {record.Line}";
        var id = Field(record, idColumn);
        var email = Field(record, emailColumn);
        if (id is null && email is null)
        {
            return new BulkTarget(source, string.Join(",", record.Fields), TargetKind.Id, $"the row has {record.Fields.Count} field(s) and no {(idColumn >= 0 ? "id" : "email")} column");
        }

        if (!string.IsNullOrEmpty(id))
        {
            return BulkTarget.Of(source, id);
        }

        if (string.IsNullOrEmpty(email))
        {
            return new BulkTarget(source, string.Empty, TargetKind.Id, idColumn >= 0 && emailColumn >= 0 ? "the id and the email are empty" : $"the {(idColumn >= 0 ? "id" : "email")} is empty");
        }

        var target = BulkTarget.Of(source, email);
        return target.Kind == TargetKind.Email ? target : target with { Kind = TargetKind.Email, Problem = $"'{email}' is not an email address" };
    }

    private static string? Field(CsvRecord record, int column) =>
        column >= 0 && column < record.Fields.Count ? FormulaGuard.Unprotect(record.Fields[column].Trim()) : null;

    private static List<BulkTarget> ParseJson(string name, string text)
    {
        var targets = new List<BulkTarget>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                using var document = JsonDocument.ParseValue(ref reader);
                if (document.RootElement.ValueKind == JsonValueKind.Array)
                {
                    foreach (var item in document.RootElement.EnumerateArray())
                    {
                        targets.Add(FromJson($"{name} item {targets.Count + 1}", item));
                    }
                }
                else
                {
                    targets.Add(FromJson($"{name} item {targets.Count + 1}", document.RootElement));
                }
            }
        }
        catch (JsonException malformed)
        {
            throw new UsageException($"{name} is not valid JSON: {malformed.Message}", malformed);
        }

        return targets;
    }

    private static BulkTarget FromJson(string source, JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            return BulkTarget.Of(source, item.GetString()!);
        }

        if (item.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in (string[])["id", "user_id", "email", "target"])
            {
                if (item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                {
                    return BulkTarget.Of(source, text);
                }
            }
        }

        return new BulkTarget(source, item.GetRawText(), TargetKind.Id, "the item has no id, user_id or email");
    }
}
