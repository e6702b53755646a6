using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator;

/// <summary>
/// One spec AdditionalFile: its path, its text, the options from its item metadata, the
/// severities chosen for its diagnostics in .editorconfig, and any problems with those options.
/// Plain values, so the pipeline can compare it with the previous run's.
/// </summary>
internal sealed record SpecFile(
    string Path,
    string Text,
    ClientOptions Options,
    EquatableArray<SeverityOverride> Severities,
    EquatableArray<DiagnosticInfo> OptionProblems);
