using System.CommandLine;
using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Models;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli.Commands;

/// <summary>
/// <c>auth check</c>: gets a token with the configured credentials and probes, without changing
/// anything, which operations they allow.
/// </summary>
internal static class AuthCheckCommand
{
    private const string NotProbed = "not probed (no side-effect-free probe; see --help)";
    private const string Denied = "denied";

    public static Command Create(CommandContext context)
    {
        var command = new Command("check", """
            Get an access token and report the base URL, account id, client id (never the secret) and what the
            credentials may do. Listing is probed with one page of one user, getting with that user.
            Suspend and reactivate are reported as "not probed": the only probe without a side effect would
            be a no-op such as reactivating an already active user, but a user suspended by someone else
            between the check and the call would be reactivated, undoing a security action. Use
            'users suspend <id> --dry-run' to see what a change would do without making it.
            Exits 3 when the credentials are refused, 5 when a probed permission is denied.
            """);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = context.Console.Out;
            using var stopping = context.StopAtOnce(cancellationToken);
            cancellationToken = stopping.Token;
            var session = await context.OpenSessionAsync(parseResult, cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            using (context.ShowWaits(session))
            using (var operation = session.Activity.BeginOperation(cancellationToken))
            {
                cancellationToken = operation.Token;
                await output.WriteLineAsync($"Base URL:       {session.BaseUrl}").ConfigureAwait(false);
                await output.WriteLineAsync($"Account id:     {session.AccountId}").ConfigureAwait(false);
                await output.WriteLineAsync($"Client id:      {session.ClientId}").ConfigureAwait(false);
                await output.WriteLineAsync("Client secret:  (set, not shown)").ConfigureAwait(false);

                // The first call fetches the token; a refusal propagates and exits 3.
                var (list, sample) = await ProbeListAsync(session, cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync("Access token:   obtained").ConfigureAwait(false);
                var get = await ProbeGetAsync(session, sample, cancellationToken).ConfigureAwait(false);

                await output.WriteLineAsync("Permissions:").ConfigureAwait(false);
                await output.WriteLineAsync($"  list users        {list}").ConfigureAwait(false);
                await output.WriteLineAsync($"  get user          {get}").ConfigureAwait(false);
                await output.WriteLineAsync($"  suspend user      {NotProbed}").ConfigureAwait(false);
                await output.WriteLineAsync($"  reactivate user   {NotProbed}").ConfigureAwait(false);
                if (list == Denied || get == Denied)
                {
                    await context.Console.Error.WriteLineAsync("op-users: The credentials work, but a permission checked above is denied: grant it to the OAuth application, or use credentials of this account.").ConfigureAwait(false);
                    return ExitCodes.ApiError;
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<(string Result, User? Sample)> ProbeListAsync(ApiSession session, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in session.Users.ListPagesAsync(pageSize: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                return ("allowed", page.Items.FirstOrDefault());
            }

            return ("allowed", null);
        }
        catch (PermissionDeniedException)
        {
            return (Denied, null);
        }
    }

    private static async Task<string> ProbeGetAsync(ApiSession session, User? sample, CancellationToken cancellationToken)
    {
        if (sample is null)
        {
            return "not probed (listing gave no user id to get)";
        }

        try
        {
            await session.Users[sample.Id].GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return "allowed";
        }
        catch (PermissionDeniedException)
        {
            return Denied;
        }
    }
}
