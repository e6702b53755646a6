namespace OnePassword.Users.Cli.Bulk;

/// <summary>One parsed CSV record and the line it starts on, so problems can point at the line.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
