using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator;

/// <summary>
/// One spec AdditionalFile: its path, its text and the options from its item metadata. Plain
/// values, so the pipeline can compare it with the previous run's.
/// </summary>
internal sealed record SpecFile(string Path, string Text, ClientOptions Options, DiagnosticInfo? OptionError);
