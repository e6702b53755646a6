using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Output;

/// <summary>
/// Aligned columns for pipes and logs, streamed row by row: fixed-width columns first, then the
/// email and display name, whose widths no one knows before the last page.
/// </summary>
internal sealed class PlainUserWriter(TextWriter output) : IUserWriter
{
    // 26 is the length of a 1Password user id; "suspended" is the longest state; the time is fixed width.
    private const string RowFormat = "{0,-26}  {1,-11}  {2,-20}  {3,-36}  {4}";
    private bool _headerWritten;

    public async Task WriteAsync(User user, CancellationToken cancellationToken)
    {
        await WriteHeaderOnceAsync().ConfigureAwait(false);
        var row = string.Format(System.Globalization.CultureInfo.InvariantCulture, RowFormat, user.Id, UserFields.State(user.State), UserFields.CreateTime(user.CreateTime), user.Email, user.DisplayName);
        await output.WriteLineAsync(row.TrimEnd()).ConfigureAwait(false);
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => WriteHeaderOnceAsync();

    private async Task WriteHeaderOnceAsync()
    {
        if (!_headerWritten)
        {
            _headerWritten = true;
            await output.WriteLineAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, RowFormat, "ID", "STATE", "CREATED", "EMAIL", "NAME")).ConfigureAwait(false);
        }
    }
}
