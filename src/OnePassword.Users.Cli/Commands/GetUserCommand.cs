using System.CommandLine;
using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Cli.Output;

namespace OnePassword.Users.Cli.Commands;

/// <summary><c>users get &lt;id&gt;</c>: one user; exit code 4 when there is no such user.</summary>
internal static class GetUserCommand
{
    public static Command Create(CommandContext context)
    {
        var id = new Argument<string>("id") { Description = "The user's id" };
        FlagLikeValues.RejectIn(id);
        var output = OutputOption.Create();

        var command = new Command("get", "Show one user (exit code 4 when it does not exist)") { id, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var writer = UserWriters.Create(OutputOption.Read(parseResult, output), context.Console, list: false);
            var session = await ApiSession.OpenAsync(parseResult, context.Connection, context.Environment, context.Console, cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                var user = await UserIdArgument.Address(session.Users, parseResult.GetRequiredValue(id)).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(user, cancellationToken).ConfigureAwait(false);
                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
