using System.Globalization;

namespace OnePassword.Users.Emulator.Standalone;

/// <summary>Parses the standalone emulator's arguments by hand: <c>--name value</c> or <c>--name=value</c>.</summary>
internal static class CommandLineParser
{
    public const string Usage = """
        Usage: OnePassword.Users.Emulator [options]

          --port <n>                 TCP port on 127.0.0.1 (default 5099; 0 picks a free port)
          --seed <file.json|.csv>    users to start with (default: 300 demo users)
          --token-lifetime <value>   access-token lifetime: seconds (900) or a time span (00:15:00)
          --no-rate-limit            do not enforce the 100/minute and 6000/hour limits
          --retry-after <format>     delta-seconds (default) or http-date
          --account-id <id>          the default account id
          --client-id <id>           the default client's id (default: random)
          --client-secret <secret>   the default client's secret (default: random)
          --random-seed <n>          makes fault injection reproducible
          --help                     show this text
        """;

    public static StandaloneArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new StandaloneArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CommandLineException($"{name} needs a value.");
                }

                return args[++i];
            }

            parsed = name switch
            {
                "--port" => parsed with { Port = ParsePort(Value()) },
                "--seed" => parsed with { SeedPath = Value() },
                "--token-lifetime" => parsed with { TokenLifetime = ParseLifetime(Value()) },
                "--no-rate-limit" => parsed with { RateLimitingEnabled = !IsSet(name, inlineValue) },
                "--retry-after" => parsed with { RetryAfterFormat = ParseRetryAfter(Value()) },
                "--account-id" => parsed with { AccountId = Value() },
                "--client-id" => parsed with { ClientId = Value() },
                "--client-secret" => parsed with { ClientSecret = Value() },
                "--random-seed" => parsed with { RandomSeed = ParseInt(name, Value()) },
                "--help" or "-h" or "-?" => parsed with { ShowHelp = IsSet(name, inlineValue) },
                _ => throw new CommandLineException($"Unknown option {args[i]}."),
            };
        }

        return parsed;
    }

    private static (string Name, string? InlineValue) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }

    /// <summary>A switch is set by being present; a value such as <c>--no-rate-limit=false</c> is ambiguous, so it is refused.</summary>
    private static bool IsSet(string name, string? inlineValue) =>
        inlineValue is null ? true : throw new CommandLineException($"{name} takes no value.");

    private static int ParsePort(string value)
    {
        var port = ParseInt("--port", value);
        return port is >= 0 and <= 65535 ? port : throw new CommandLineException($"--port {value}: use 0 to 65535.");
    }

    private static int ParseInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CommandLineException($"{name} {value}: not an integer.");

    private static TimeSpan ParseLifetime(string value)
    {
        var lifetime = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) ? span : TimeSpan.Zero;
        return lifetime > TimeSpan.Zero
            ? lifetime
            : throw new CommandLineException($"--token-lifetime {value}: use a positive number of seconds or a time span such as 00:15:00.");
    }

    private static RetryAfterFormat ParseRetryAfter(string value) => value.ToUpperInvariant() switch
    {
        "DELTA-SECONDS" or "SECONDS" => RetryAfterFormat.DeltaSeconds,
        "HTTP-DATE" or "DATE" => RetryAfterFormat.HttpDate,
        _ => throw new CommandLineException($"--retry-after {value}: use delta-seconds or http-date."),
    };
}
