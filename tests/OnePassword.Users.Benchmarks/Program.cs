using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using OnePassword.Users.Benchmarks;

// --readme README.md runs the whole suite and rewrites the README's Performance section from it
// (run-benchmarks.sh does this); --peak-memory prints the paginator's live-heap high-water mark;
// anything else goes to BenchmarkDotNet, for example: --filter '*ClientBenchmarks*' --job short.
if (args is ["--peak-memory"])
{
    await PeakMemory.RunAsync(Console.Out);
    return 0;
}

if (args is ["--readme", var readme, .. var rest])
{
    // Fixed jobs, so two runs of the script measure the same way. The call benchmarks, whose
    // ratios are the goals, run in passes: the whole call suite once per pass, one process per
    // benchmark. On this kind of machine the speed of a process moves by a fifth or more for
    // seconds to minutes at a time, so the launches of one benchmark, run back to back, can all
    // land in a slow spell that its neighbours in the table miss; passes put each benchmark's
    // processes minutes apart, and the table takes the median of all their iterations. Many
    // short passes sample more of those spells than a few long ones: with four passes of twelve
    // iterations, three runs of the same code put get-user through Create() at 0.84, 1.21 and
    // 1.45 x the pooled client, where a loop alternating the two in one process gave 1.13-1.22 x.
    const int CallPasses = 8;
    var summaries = Enumerable.Range(1, CallPasses)
        .SelectMany(_ => Run([typeof(ClientBenchmarks)], rest, Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5).WithId("Calls")))
        .Concat(Run([typeof(CoordinationBenchmarks), typeof(GeneratorBenchmarks), typeof(PaginationBenchmarks)], rest, Job.Default.WithLaunchCount(1).WithWarmupCount(6).WithIterationCount(15).WithId("Suite")))
        .ToList();
    var failed = summaries.SelectMany(summary => summary.Reports).Where(report => report.ResultStatistics is null).Select(report => report.BenchmarkCase.DisplayInfo).ToList();
    if (summaries.Count == 0 || failed.Count > 0 || summaries.Any(summary => summary.HasCriticalValidationErrors))
    {
        Console.Error.WriteLine("Benchmarks failed; the README is unchanged: " + string.Join(", ", failed));
        return 1;
    }

    var peak = new StringWriter();
    await PeakMemory.RunAsync(peak);
    string table = PerformanceTable.Render(summaries, peak.ToString(), "bash tests/OnePassword.Users.Benchmarks/run-benchmarks.sh");
    File.WriteAllText(Path.Combine(summaries[0].ResultsDirectoryPath, "performance.md"), table);
    File.WriteAllText(readme, PerformanceTable.Replace(File.ReadAllText(readme), table));
    Console.WriteLine($"Wrote the Performance section of {readme} (also {Path.Combine(summaries[0].ResultsDirectoryPath, "performance.md")}).");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ClientBenchmarks).Assembly)
    .Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary));
return 0;

static IEnumerable<BenchmarkDotNet.Reports.Summary> Run(Type[] suites, string[] options, Job job) => BenchmarkSwitcher
    .FromTypes(suites)
    .Run(["--filter", "*", .. options], DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary).AddJob(job));

