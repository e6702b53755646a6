using OnePassword.Users.Cli.Connection;

namespace OnePassword.Users.Cli.Commands;

/// <summary>What every command's action needs besides its parse result: where to write, the environment, and the connection flags.</summary>
internal sealed record CommandContext(CliConsole Console, IDictionary<string, string?> Environment, ConnectionOptions Connection);
