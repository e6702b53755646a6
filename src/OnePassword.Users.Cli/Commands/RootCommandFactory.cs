using System.CommandLine;
using OnePassword.Users.Cli.Bulk;

namespace OnePassword.Users.Cli.Commands;

/// <summary>
/// The command tree: <c>users list|get|suspend|reactivate</c> and <c>auth check</c>, with the
/// connection flags on every command. <c>user</c> is accepted for <c>users</c>, as 1Password's
/// <c>op</c> tool spells it.
/// </summary>
internal static class RootCommandFactory
{
    public static RootCommand Create(CommandContext context)
    {
        var root = new RootCommand($"""
            op-users: list, get, suspend and reactivate users of a 1Password account through the Users API.

            Connection: flags first, then environment variables: --client-id / OP_USERS_CLIENT_ID,
            --client-secret / OP_USERS_CLIENT_SECRET, --account / OP_USERS_ACCOUNT_ID,
            --region / OP_USERS_REGION (1password.com, 1password.ca, 1password.eu), --base-url / OP_USERS_BASE_URL.
            --emulator runs everything against an embedded emulator with demo users instead.

            Users are named by id or email everywhere; - reads them from stdin. Option values are
            case-insensitive (-o JSON, --state SUSPENDED); --format is another name for --output.
            When stderr is a terminal, a call that waits longer than 2 s (connecting, retrying, rate
            limited) says so there.

            {ExitCodes.HelpText}
            """);
        foreach (var option in context.Connection.All)
        {
            root.Options.Add(option);
        }

        var users = new Command("users", "List, get, suspend and reactivate users")
        {
            ListUsersCommand.Create(context),
            GetUserCommand.Create(context),
        };
        foreach (var change in StateChange.All)
        {
            users.Subcommands.Add(ChangeStateCommand.Create(context, change));
        }

        users.Aliases.Add("user");
        var auth = new Command("auth", "Check the configured credentials") { AuthCheckCommand.Create(context) };
        root.Subcommands.Add(users);
        root.Subcommands.Add(auth);
        return root;
    }
}
