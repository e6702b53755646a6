using System.CommandLine;
using OnePassword.Users.Cli.Bulk;
using OnePassword.Users.Cli.Output;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli.Commands;

/// <summary><c>users get &lt;id|email|-&gt;...</c>: one or more users; exit code 4 when one of them does not exist.</summary>
internal static class GetUserCommand
{
    public static Command Create(CommandContext context)
    {
        var users = TargetArguments.Create("User ids or emails (an email is found by listing the account once); - reads them from stdin");
        users.Arity = ArgumentArity.OneOrMore;
        var output = OutputOption.Create(OutputOption.UsersDescription);

        var command = new Command("get", "Show users by id or email (exit code 4 when one does not exist; the others are still shown)") { users, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var targets = TargetSources.Read(parseResult.GetValue(users) ?? [], csvPath: null, context.Console.In);
            if (targets.Count == 0)
            {
                throw new UsageException("Nothing to get: stdin named no users.");
            }

            var writer = UserWriters.Create(parseResult.GetValue(output), context.Console, list: false);
            using var stopping = context.StopAtOnce(cancellationToken);
            var session = await context.OpenSessionAsync(parseResult, stopping.Token).ConfigureAwait(false);
            var exitCode = ExitCodes.Success;
            var found = 0;
            await using (session.ConfigureAwait(false))
            {
                var directory = new UserDirectory(session.Users);
                using (context.ShowWaits(session))
                {
                    foreach (var target in targets)
                    {
                        if (target.Problem is { } problem)
                        {
                            throw new UsageException($"{target.Source}: {problem}");
                        }

                        using var operation = session.Activity.BeginOperation(stopping.Token);
                        try
                        {
                            if (await directory.FindAsync(target, operation.Token).ConfigureAwait(false) is { } user)
                            {
                                await writer.WriteAsync(user, operation.Token).ConfigureAwait(false);
                                found++;
                                continue;
                            }

                            await context.Console.Error.WriteLineAsync($"op-users: Not found: {target.Source}: no user has the email {target.Value}").ConfigureAwait(false);
                        }
                        catch (NotFoundException)
                        {
                            await context.Console.Error.WriteLineAsync($"op-users: Not found: {target.Source}: no user has the id {target.Value}").ConfigureAwait(false);
                        }

                        exitCode = ExitCodes.NotFound;
                    }
                }

                // Nothing found, nothing on stdout: not even a table header.
                if (found > 0)
                {
                    await writer.CompleteAsync(stopping.Token).ConfigureAwait(false);
                }
            }

            return exitCode;
        });
        return command;
    }
}
