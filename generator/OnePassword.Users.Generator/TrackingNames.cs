namespace OnePassword.Users.Generator;

/// <summary>Names of the pipeline steps, so tests can check each one is cached on a rerun.</summary>
internal static class TrackingNames
{
    public const string SpecFiles = nameof(SpecFiles);
    public const string ParsedSpecs = nameof(ParsedSpecs);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Baselines = nameof(Baselines);
    public const string BreakingChanges = nameof(BreakingChanges);
}
