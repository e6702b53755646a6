namespace OnePassword.Users.Cli.Interruption;

/// <summary>Why the tool was asked to stop.</summary>
internal enum StopReason
{
    /// <summary>Ctrl+C, SIGINT.</summary>
    Interrupt,

    /// <summary>SIGTERM, as sent by service managers and container runtimes.</summary>
    Terminate,
}
