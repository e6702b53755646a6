namespace OnePassword.Users.Emulator.Standalone;

/// <summary>The standalone emulator's command line, parsed but not yet acted on (no file is read here).</summary>
internal sealed record StandaloneArguments
{
    public int Port { get; init; } = 5099;

    public string? SeedPath { get; init; }

    public TimeSpan? TokenLifetime { get; init; }

    public bool RateLimitingEnabled { get; init; } = true;

    public RetryAfterFormat RetryAfterFormat { get; init; } = RetryAfterFormat.DeltaSeconds;

    public string? AccountId { get; init; }

    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public int? RandomSeed { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>The emulator options these arguments describe; <paramref name="readFile"/> loads the seed file.</summary>
    public EmulatorOptions ToOptions(Func<string, string> readFile)
    {
        var defaults = new EmulatorOptions();
        return new EmulatorOptions
        {
            Port = Port,
            TokenLifetime = TokenLifetime ?? defaults.TokenLifetime,
            RateLimitingEnabled = RateLimitingEnabled,
            RetryAfterFormat = RetryAfterFormat,
            Seed = SeedPath is null ? null : LoadSeed(SeedPath, readFile),
            DefaultAccountId = AccountId ?? defaults.DefaultAccountId,
            DefaultClientId = ClientId,
            DefaultClientSecret = ClientSecret,
            RandomSeed = RandomSeed,
        };
    }

    private static EmulatorSeed LoadSeed(string path, Func<string, string> readFile) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".JSON" => EmulatorSeed.FromJson(readFile(path)),
        ".CSV" => EmulatorSeed.FromCsv(readFile(path)),
        _ => throw new CommandLineException($"--seed {path}: the file must end in .json or .csv."),
    };
}
