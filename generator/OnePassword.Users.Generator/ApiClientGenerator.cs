using System.Linq;
using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Compatibility;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Emitting;
using OnePassword.Users.Generator.Model;
using OnePassword.Users.Generator.Parsing;

namespace OnePassword.Users.Generator;

/// <summary>
/// Emits a Kiota-style client for every AdditionalFile marked <c>OpenApiSpec="true"</c>.
/// Source and diagnostics are separate outputs: moving a line in the spec changes diagnostic
/// locations but not the model, so no source is regenerated.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ApiClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select((options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var value) ? value : null);

        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(pair => SpecFileOptions.IsSpec(pair.Right.GetOptions(pair.Left)))
            .Combine(rootNamespace)
            .Select((input, cancellationToken) =>
            {
                var ((text, options), ns) = input;
                var fileOptions = options.GetOptions(text);
                var (clientOptions, error) = SpecFileOptions.Read(text.Path, fileOptions, ns);
                var (severities, severityProblems) = SeverityOptions.Read(text.Path, fileOptions);
                var problems = error is null ? severityProblems : new[] { error }.Concat(severityProblems).ToEquatableArray();
                return new SpecFile(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty, clientOptions, severities, problems);
            })
            .WithTrackingName(TrackingNames.SpecFiles);

        var parsed = specFiles
            .Select((file, _) => (File: file, Result: SpecParser.Parse(file.Path, file.Text, file.Options)))
            .WithTrackingName(TrackingNames.ParsedSpecs);

        var models = parsed
            .Select((pair, _) => pair.Result.Model)
            .Where(model => model is not null)
            .WithTrackingName(TrackingNames.Models);

        var diagnostics = parsed
            .Select((pair, _) => new SpecDiagnostics(
                pair.Result.Diagnostics.Concat(pair.File.OptionProblems).ToEquatableArray(),
                pair.File.Severities))
            .WithTrackingName(TrackingNames.Diagnostics);

        context.RegisterSourceOutput(models, static (output, model) =>
        {
            foreach (var file in ClientEmitter.Emit(model!))
            {
                output.AddSource(file.HintName, file.Source);
            }
        });

        context.RegisterSourceOutput(diagnostics, static (output, found) => found.Report(output));

        BreakingChangePipeline.Register(context, specFiles);
    }
}
