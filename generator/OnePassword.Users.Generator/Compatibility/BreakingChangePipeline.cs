using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Compatibility;

/// <summary>A baseline AdditionalFile: an earlier version of the spec named by <c>OpenApiBaselineFor</c>.</summary>
internal sealed record BaselineFile(string For, string Path, string Text);

/// <summary>
/// The breaking-change gate: for a spec with a baseline, diagnostics OAG101-OAG105 for every
/// change that would break clients built from the baseline. Their severity is chosen in the
/// .editorconfig section of the spec (<see cref="SeverityOptions"/>) or in a .globalconfig.
/// </summary>
internal static class BreakingChangePipeline
{
    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<SpecFile> specFiles)
    {
        var baselines = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, cancellationToken) => SpecFileOptions.BaselineFor(pair.Right.GetOptions(pair.Left)) is { } target
                ? new BaselineFile(target, pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty)
                : null)
            .Where(baseline => baseline is not null)
            .Collect()
            .WithTrackingName(TrackingNames.Baselines);

        var breakingChanges = specFiles
            .Combine(baselines)
            .Select((pair, _) =>
            {
                var baseline = pair.Right.FirstOrDefault(b => Matches(b!.For, pair.Left.Path));
                var found = baseline is null ? EquatableArray<DiagnosticInfo>.Empty : Detect(baseline, pair.Left);
                return new SpecDiagnostics(found, pair.Left.Severities);
            })
            .WithTrackingName(TrackingNames.BreakingChanges);

        context.RegisterSourceOutput(breakingChanges, static (output, found) => found.Report(output));
    }

    private static EquatableArray<DiagnosticInfo> Detect(BaselineFile baseline, SpecFile spec)
    {
        try
        {
            var before = ContractReader.Read(baseline.Path, baseline.Text);
            var now = ContractReader.Read(spec.Path, spec.Text);
            return before is null || now is null ? EquatableArray<DiagnosticInfo>.Empty : BreakingChangeDetector.Compare(before, now);
        }
#pragma warning disable CA1031 // A generator must never crash the compiler: report and carry on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new[]
            {
                new DiagnosticInfo(DiagnosticDescriptors.GeneratorFailure.Id, new[] { FailureText.Of(exception) }.ToEquatableArray(), new SpecLocation(baseline.Path, 0, 0, 0, 0, 0, 0)),
            }.ToEquatableArray();
        }
    }

    /// <summary>The baseline names its spec by file name or by a path ending.</summary>
    private static bool Matches(string target, string specPath)
    {
        var normalizedTarget = target.Replace('\\', '/').TrimStart('.', '/');
        var normalizedPath = specPath.Replace('\\', '/');
        return normalizedPath.EndsWith("/" + normalizedTarget, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Path.GetFileName(normalizedPath), normalizedTarget, StringComparison.OrdinalIgnoreCase);
    }
}
