using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Output;

/// <summary>Writes users as they arrive, so a long list streams instead of waiting for the last page.</summary>
internal interface IUserWriter
{
    Task WriteAsync(User user, CancellationToken cancellationToken);

    /// <summary>Closes the output (a JSON array, a buffered terminal table) after the last user.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
