using System.Text;

namespace OnePassword.Users.Emulator.Seeding;

/// <summary>
/// Reads a CSV seed: a header row naming the columns (<c>email,display_name,role,state</c>, optionally
/// <c>account_id</c>, <c>id</c>, <c>externally_managed</c>, <c>create_time</c>), then one user a line.
/// Fields may be quoted as in RFC 4180 so display names can hold commas.
/// </summary>
internal static class CsvSeedReader
{
    private static readonly string[] RequiredColumns = ["email", "display_name", "role", "state"];
    private static readonly string[] KnownColumns = [.. RequiredColumns, "account_id", "id", "externally_managed", "create_time"];

    public static EmulatorSeed Read(string csv)
    {
        var lines = csv.ReplaceLineEndings("\n").Split('\n');
        var headerIndex = Array.FindIndex(lines, line => !string.IsNullOrWhiteSpace(line));
        if (headerIndex < 0)
        {
            throw new FormatException("The CSV seed is empty; expected a header row such as email,display_name,role,state.");
        }

        var columns = ReadHeader(lines[headerIndex], headerIndex + 1);
        var users = new List<SeedUser>();
        for (var index = headerIndex + 1; index < lines.Length; index++)
        {
            if (string.IsNullOrWhiteSpace(lines[index]))
            {
                continue;
            }

            var where = $"CSV seed line {index + 1}";
            var fields = SplitFields(lines[index], where);
            if (fields.Count != columns.Count)
            {
                throw new FormatException($"{where}: expected {columns.Count} fields ({string.Join(',', columns.Keys)}) but found {fields.Count}.");
            }

            string? Field(string name) => columns.TryGetValue(name, out var column) ? fields[column] : null;
            users.Add(new SeedUser(
                SeedValues.Required(Field("email"), "email", where),
                SeedValues.Optional(Field("display_name")) ?? string.Empty,
                SeedValues.Role(Field("role"), where),
                SeedValues.State(Field("state"), where),
                SeedValues.Flag(Field("externally_managed"), where),
                SeedValues.Time(Field("create_time"), where),
                SeedValues.Optional(Field("account_id")),
                SeedValues.Optional(Field("id"))));
        }

        return new EmulatorSeed(users);
    }

    private static Dictionary<string, int> ReadHeader(string line, int lineNumber)
    {
        var where = $"CSV seed line {lineNumber} (header)";
        var names = SplitFields(line, where);
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (!KnownColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new FormatException($"{where}: unknown column '{name}'; known columns are {string.Join(',', KnownColumns)}.");
            }

            if (!columns.TryAdd(name, i))
            {
                throw new FormatException($"{where}: column '{name}' appears twice.");
            }
        }

        var missing = RequiredColumns.Where(required => !columns.ContainsKey(required)).ToList();
        return missing.Count == 0
            ? columns
            : throw new FormatException($"{where}: missing column(s) {string.Join(',', missing)}.");
    }

    private static List<string> SplitFields(string line, string where)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"{where}: a quoted field is not closed.");
        }

        fields.Add(field.ToString());
        return fields;
    }
}
