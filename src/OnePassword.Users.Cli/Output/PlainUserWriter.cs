using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Output;

/// <summary>
/// Aligned columns for pipes and logs, in the order of <see cref="UserFields"/>. Columns are as
/// wide as their longest value, which is only known after the last page, so rows are collected
/// and written at the end; <c>--output csv</c> or <c>json</c> stream instead.
/// </summary>
internal sealed class PlainUserWriter(TextWriter output) : IUserWriter
{
    private const string Gap = "  ";
    private readonly List<string[]> _rows = [];

    public Task WriteAsync(User user, CancellationToken cancellationToken)
    {
        _rows.Add([.. UserFields.Values(user)]);
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        string[] header = [.. UserFields.Headers];
        var widths = header.Select((title, column) => _rows.Select(row => row[column].Length).Append(title.Length).Max()).ToArray();
        await WriteRowAsync(header, widths).ConfigureAwait(false);
        foreach (var row in _rows)
        {
            await WriteRowAsync(row, widths).ConfigureAwait(false);
        }
    }

    private Task WriteRowAsync(string[] cells, int[] widths) =>
        output.WriteLineAsync(string.Join(Gap, cells.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
}
