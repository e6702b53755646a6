namespace OnePassword.Users.Cli.Interruption;

/// <summary>How a stop request is named in messages.</summary>
internal static class StopReasonText
{
    public static string Describe(this StopReason reason) => reason == StopReason.Terminate ? "SIGTERM" : "Ctrl+C (SIGINT)";
}
