using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Output;

/// <summary>Streams users as RFC 4180 CSV whose header row a bulk command's <c>--from-csv</c> accepts back.</summary>
internal sealed class CsvUserWriter(TextWriter output) : IUserWriter
{
    private bool _headerWritten;

    public async Task WriteAsync(User user, CancellationToken cancellationToken)
    {
        await WriteHeaderOnceAsync().ConfigureAwait(false);
        await output.WriteAsync(CsvFormatter.Record(UserFields.Values(user))).ConfigureAwait(false);
    }

    // An empty list still gets its header, so the output is always a valid table.
    public Task CompleteAsync(CancellationToken cancellationToken) => WriteHeaderOnceAsync();

    private async Task WriteHeaderOnceAsync()
    {
        if (!_headerWritten)
        {
            _headerWritten = true;
            await output.WriteAsync(CsvFormatter.Record(UserFields.WireNames)).ConfigureAwait(false);
        }
    }
}
