using System.CommandLine;
using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Cli.Output;
using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Commands;

/// <summary><c>users list</c>: every user of the account, page after page, written as they arrive.</summary>
internal static class ListUsersCommand
{
    // The API's maximum: the fewest requests under the documented 100-a-minute limit.
    private const int DefaultPageSize = 1000;

    public static Command Create(CommandContext context)
    {
        var state = new Option<string?>("--state") { Description = "Only active or only suspended users (default: both)" };
        state.AcceptOnlyFromAmong("active", "suspended");
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
        var output = OutputOption.Create();

        var command = new Command("list", "List the account's users, streaming every page") { state, pageSize, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            ListUsersFilter? filter = parseResult.GetValue(state) switch
            {
                "active" => ListUsersFilter.Active,
                "suspended" => ListUsersFilter.Suspended,
                _ => null,
            };
            var writer = UserWriters.Create(OutputOption.Read(parseResult, output), context.Console, list: true);

            var session = await ApiSession.OpenAsync(parseResult, context.Connection, context.Environment, context.Console, cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                await foreach (var user in session.Users.ListAllAsync(filter, parseResult.GetValue(pageSize), cancellationToken).ConfigureAwait(false))
                {
                    await writer.WriteAsync(user, cancellationToken).ConfigureAwait(false);
                }

                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
