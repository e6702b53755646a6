using System.CommandLine;

namespace OnePassword.Users.Cli.Commands;

/// <summary>The user-naming argument every user command takes: ids or emails, or <c>-</c> for stdin.</summary>
internal static class TargetArguments
{
    public static Argument<string[]> Create(string description)
    {
        var argument = new Argument<string[]>("users")
        {
            Description = description,
            Arity = ArgumentArity.ZeroOrMore,
            HelpName = "id|email|-",
        };
        FlagLikeValues.RejectIn(argument);
        return argument;
    }
}
