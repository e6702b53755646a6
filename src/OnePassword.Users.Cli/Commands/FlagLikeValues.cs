using System.CommandLine;

namespace OnePassword.Users.Cli.Commands;

/// <summary>
/// Refuses argument values that look like flags. A mistyped or misplaced flag (<c>--ouput</c>, or
/// <c>--output</c> on a command without it) would otherwise be taken for a user id and fail as
/// "user not found" after a round trip; ids and emails never start with '-', so it is a usage error.
/// </summary>
internal static class FlagLikeValues
{
    public static void RejectIn(Argument argument) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(token => token.Value.Length > 1 && token.Value[0] == '-'))
            {
                result.AddError($"Unrecognized option '{token.Value}': it is not a flag of this command, and user ids and emails do not start with '-'.");
            }
        });
}
