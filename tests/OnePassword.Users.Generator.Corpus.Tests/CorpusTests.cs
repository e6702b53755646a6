using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Tests.Support;
using Shouldly;
using Xunit.Abstractions;

namespace OnePassword.Users.Generator.Corpus.Tests;

/// <summary>
/// Every corpus spec generates without a crash, its code compiles without an error or a
/// warning, and its spec diagnostics (ids, lines, messages) match the approved snapshot
/// Snapshots/corpus.NAME.approved.txt. Each run writes a table row (size, diagnostic counts,
/// generator and compile times) to corpus-report.md beside the test binaries.
/// </summary>
public sealed class CorpusTests(CorpusFiles files, ITestOutputHelper output) : IClassFixture<CorpusFiles>
{
    private static readonly object ReportLock = new();

    public static TheoryData<string> Specs => CorpusSpecs.Names();

    [Theory]
    [MemberData(nameof(Specs))]
    public void The_spec_generates_code_that_compiles_cleanly_with_the_approved_diagnostics(string name)
    {
        _ = files;
        var spec = CorpusSpecs.Find(name);
        var path = CorpusFiles.PathOf(spec);
        var text = File.ReadAllText(path);
        var ns = "Corpus." + string.Concat(name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

        var run = GeneratorHarness.Run(new SpecInput("/corpus/" + Path.GetFileName(path), text, SpecInput.Options(ns, "CorpusClient")));
        var generatorTime = run.Driver.GetTimingInfo().GeneratorTimes.Single().ElapsedTime;

        run.Result.Results.ShouldAllBe(r => r.Exception == null);
        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "OAG009" || d.Id == "CS8785");
        run.GeneratorDiagnostics.ShouldAllBe(d => d.Location.IsInSource || d.Location.Kind == LocationKind.ExternalFile);

        var compile = Stopwatch.StartNew();
        var problems = run.CompileProblems;
        compile.Stop();

        Report(spec, text.Length, run, generatorTime, compile.Elapsed);
        problems.Take(20).Select(d => d.ToString()).ShouldBeEmpty($"{problems.Count} compile problems in the code generated from {name}");
        Approvals.Compare(Describe(run), "corpus." + name).ShouldBeNull();
    }

    private static string Describe(GeneratorRun run) => string.Join("\n", run.GeneratorDiagnostics
        .Select(d => (Diagnostic: d, Span: d.Location.GetLineSpan()))
        .OrderBy(d => d.Span.StartLinePosition.Line).ThenBy(d => d.Span.StartLinePosition.Character).ThenBy(d => d.Diagnostic.Id, StringComparer.Ordinal)
        .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Diagnostic.Id} {d.Diagnostic.Severity} {d.Span.StartLinePosition.Line + 1}:{d.Span.StartLinePosition.Character + 1} {d.Diagnostic.GetMessage(CultureInfo.InvariantCulture)}"))) + "\n";

    private void Report(CorpusSpec spec, int length, GeneratorRun run, TimeSpan generatorTime, TimeSpan compileTime)
    {
        var counts = string.Join(", ", run.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
        var lines = run.Sources.Sum(s => s.SourceText.Lines.Count);
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {spec.Name} | {length / 1024.0:F0} KB | {(counts.Length == 0 ? "none" : counts)} | {generatorTime.TotalMilliseconds:F0} ms | {compileTime.TotalSeconds:F1} s | {run.Sources.Count()} files, {lines} lines |");
        output.WriteLine(row);
        lock (ReportLock)
        {
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "corpus-report.md"), row + "\n");
        }
    }
}
