using OnePassword.Users.Cli.Connection;
using OnePassword.Users.Cli.Interruption;

namespace OnePassword.Users.Cli.Tests.Support;

/// <summary>How one in-process run of the tool is set up.</summary>
internal sealed record ToolRun(IDictionary<string, string?> Environment)
{
    public ToolRun()
        : this(new Dictionary<string, string?>())
    {
    }

    public string? Stdin { get; init; }

    public bool StdoutIsTerminal { get; init; }

    public bool StderrIsTerminal { get; init; }

    /// <summary>stdout and stderr are one terminal, as a person sees them: both go to <see cref="CliResult.Stdout"/>.</summary>
    public bool SharedScreen { get; init; }

    public int Width { get; init; } = 80;

    public StopSignal? Stop { get; init; }

    public ClientTuning? Tuning { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A client with millisecond backoffs and no client-side rate limit, for runs of hundreds of users in seconds.</summary>
    public static ClientTuning FastClient { get; } = new(RetryBaseDelay: TimeSpan.FromMilliseconds(2), RateLimitRules: []);

    /// <summary>A terminal of <paramref name="width"/> columns on stdout and stderr, seen as one screen.</summary>
    public static ToolRun Terminal(int width) => new() { StdoutIsTerminal = true, StderrIsTerminal = true, SharedScreen = true, Width = width };
}
