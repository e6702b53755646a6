using System.CommandLine;
using OnePassword.Users.Cli.Output;
using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Commands;

/// <summary><c>users list</c>: every user of the account, page after page.</summary>
internal static class ListUsersCommand
{
    // The API's maximum: the fewest requests under the documented 100-a-minute limit.
    private const int DefaultPageSize = 1000;

    private static readonly Dictionary<string, ListUsersFilter?> States = new(StringComparer.OrdinalIgnoreCase)
    {
        ["all"] = null,
        ["active"] = ListUsersFilter.Active,
        ["suspended"] = ListUsersFilter.Suspended,
    };

    public static Command Create(CommandContext context)
    {
        var state = Choices.Create("--state", [], States, null, "Only active or only suspended users (default: all)");
        var pageSize = new Option<int>("--page-size")
        {
            Description = $"Users per request, 1 to 1000 (default {DefaultPageSize}); every page is fetched either way",
            DefaultValueFactory = _ => DefaultPageSize,
        };
        pageSize.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value is < 1 or > 1000)
            {
                result.AddError($"--page-size must be between 1 and 1000, not {value}.");
            }
        });
        var output = OutputOption.Create(OutputOption.UsersDescription);

        var command = new Command("list", "List the account's users, every page (csv and json stream as pages arrive)") { state, pageSize, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var writer = UserWriters.Create(parseResult.GetValue(output), context.Console, list: true);
            using var stopping = context.StopAtOnce(cancellationToken);
            var session = await context.OpenSessionAsync(parseResult, stopping.Token).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                using (context.ShowWaits(session))
                using (var operation = session.Activity.BeginOperation(stopping.Token))
                {
                    await foreach (var user in session.Users.ListAllAsync(parseResult.GetValue(state), parseResult.GetValue(pageSize), operation.Token).ConfigureAwait(false))
                    {
                        await writer.WriteAsync(user, operation.Token).ConfigureAwait(false);
                    }
                }

                await writer.CompleteAsync(stopping.Token).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
