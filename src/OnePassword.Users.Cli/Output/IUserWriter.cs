using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Output;

/// <summary>Takes users as they arrive: CSV and JSON write each at once, so a long list streams; tables need every row first.</summary>
internal interface IUserWriter
{
    Task WriteAsync(User user, CancellationToken cancellationToken);

    /// <summary>Closes the output (a JSON array, a buffered terminal table) after the last user.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
