using System.Globalization;
using System.Text;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;

namespace OnePassword.Users.Benchmarks;

/// <summary>
/// Writes the README's Performance section from the summaries of one run: the machine, the date,
/// and for every benchmark its median and 10th-percentile times and its allocation with their ratios to the baselines
/// measured in the same run. The README holds only what this writes, between its markers, so
/// every figure there can be reproduced with one command.
/// </summary>
/// <remarks>
/// A suite run in several passes (the call benchmarks) has one report per benchmark per pass; a
/// row then stands for all of them: its time is the median (and the 10th percentile) of every
/// measured iteration of every pass, and its allocation the median of the passes' (which agree
/// to the byte).
/// </remarks>
internal static class PerformanceTable
{
    public const string Start = "<!-- performance:start (written by tests/OnePassword.Users.Benchmarks/run-benchmarks.sh; do not edit) -->";
    public const string End = "<!-- performance:end -->";

    // The tables in reading order: the calls first, then paging, fleet coordination and the generator.
    private static readonly string[] Order =
    [
        "ClientBenchmarks/GetUser", "ClientBenchmarks/Suspend", "ClientBenchmarks/ListUsers", "PaginationBenchmarks/PaginationBenchmarks",
        "CoordinationBenchmarks/Limiter", "CoordinationBenchmarks/Token", "GeneratorBenchmarks/GeneratorBenchmarks",
    ];

    // The fastest hand-written client: the goals for the generated client are set against it.
    private const string PooledMarker = "pooled buffer";

    public static string Render(IReadOnlyList<Summary> summaries, string peakMemory, string command)
    {
        var text = new StringBuilder();
        var host = summaries[0].HostEnvironmentInfo;
        var cpu = host.CpuInfo.Value;
        text.Append(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd} by `{command}`, on {cpu.ProcessorName} ({cpu.PhysicalCoreCount} cores, {cpu.LogicalCoreCount} threads), {host.OsVersion.Value}, {host.RuntimeVersion}, BenchmarkDotNet {host.BenchmarkDotNetVersion}, {Jobs(summaries)}.")
            .AppendLine().AppendLine()
            .AppendLine("Times are medians of every measured iteration (of every pass, for a suite run in passes); every ratio is against a baseline measured in the same run. × baseline: against the repository's hand-written stream + `DeserializeAsync` client in the call tables, and against the row marked as baseline in the others. × pooled: against the fastest hand-written client, pooled buffer + `Deserialize(span)`.")
            .AppendLine()
            .AppendLine("p10 is the 10th percentile of the same iterations; its ratio is against the pooled client in the call tables and against the baseline in the others. A shared VM can run the same loop at two speeds, each for seconds to minutes, so a median may come from either one and two benchmarks' medians from different ones; the 10th percentile of each comes from its faster spells. Read a goal from both columns: where they disagree, the machine moved.")
            .AppendLine();

        var groups = summaries
            .SelectMany(summary => summary.Reports)
            .GroupBy(report => (report.BenchmarkCase.Descriptor.Type.Name, Category: Category(report)))
            .OrderBy(group => Array.IndexOf(Order, group.Key.Name + "/" + group.Key.Category) is var index and >= 0 ? index : Order.Length);
        foreach (var group in groups)
        {
            var rows = group.GroupBy(report => report.BenchmarkCase.Descriptor.WorkloadMethod).Select(passes => new Row(passes.ToList())).ToList();
            var baseline = rows.FirstOrDefault(row => row.IsBaseline) ?? rows[0];
            var pooled = rows.FirstOrDefault(row => row.Description.Contains(PooledMarker, StringComparison.Ordinal));
            text.Append("**").Append(Title(group.Key.Name, group.Key.Category)).AppendLine("**").AppendLine();
            // The p10 ratio is taken against the client the goals name: the pooled one where the table has it.
            var p10Basis = pooled ?? baseline;
            text.Append("| benchmark | median | × baseline |").Append(pooled is null ? string.Empty : " × pooled |")
                .Append(" p10 | p10 ").Append(pooled is null ? "× baseline" : "× pooled").Append(" |")
                .Append(" allocated | alloc × baseline |").AppendLine(pooled is null ? string.Empty : " alloc × pooled |");
            text.Append("|---|---:|---:|").Append(pooled is null ? string.Empty : "---:|").Append("---:|---:|").Append("---:|---:|").AppendLine(pooled is null ? string.Empty : "---:|");
            foreach (var row in rows)
            {
                text.Append("| ").Append(row.Label).Append(" | ")
                    .Append(Time(row.Median)).Append(" | ")
                    .Append(Ratio(row.Median, baseline.Median)).Append(" | ");
                if (pooled is not null)
                {
                    text.Append(Ratio(row.Median, pooled.Median)).Append(" | ");
                }

                text.Append(Time(row.P10)).Append(" | ")
                    .Append(Ratio(row.P10, p10Basis.P10)).Append(" | ");
                text.Append(Bytes(row.Allocated)).Append(" | ")
                    .Append(Ratio(row.Allocated, baseline.Allocated)).Append(" |");
                if (pooled is not null)
                {
                    text.Append(' ').Append(Ratio(row.Allocated, pooled.Allocated)).Append(" |");
                }

                text.AppendLine();
            }

            text.AppendLine();
        }

        text.AppendLine("Live heap while the paginator streams 100,000 users (`--peak-memory`):").AppendLine()
            .AppendLine("```text").Append(peakMemory.TrimEnd()).AppendLine().AppendLine("```");
        return text.ToString();
    }

    /// <summary>Replaces what lies between the markers of <paramref name="readme"/> with <paramref name="table"/>.</summary>
    /// <exception cref="InvalidOperationException">The README lacks the markers.</exception>
    public static string Replace(string readme, string table)
    {
        int start = readme.IndexOf(Start, StringComparison.Ordinal);
        int end = readme.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"The README has no Performance markers; add the lines\n{Start}\n{End}\nwhere the table goes.");
        }

        return string.Concat(readme.AsSpan(0, start + Start.Length), "\n", table, readme.AsSpan(end));
    }

    /// <summary>The jobs the tables were measured with, which tables each measured, and in how many passes.</summary>
    private static string Jobs(IReadOnlyList<Summary> summaries)
    {
        var jobs = summaries
            .SelectMany(summary => summary.Reports.Select(report => (Summary: summary, Report: report)))
            .GroupBy(entry => entry.Report.BenchmarkCase.Job.DisplayInfo)
            .Select(group =>
            {
                int passes = group.Select(entry => entry.Summary).Distinct().Count();
                return $"{group.Key}{(passes > 1 ? $" in {passes.ToString(CultureInfo.InvariantCulture)} passes" : string.Empty)} for {string.Join(", ", group.Select(entry => entry.Report.BenchmarkCase.Descriptor.Type.Name).Distinct())}";
            })
            .ToList();
        return (jobs.Count == 1 ? "job: " : "jobs: ") + string.Join("; ", jobs);
    }

    private static string Category(BenchmarkReport report) =>
        report.BenchmarkCase.Descriptor.Categories.FirstOrDefault() ?? report.BenchmarkCase.Descriptor.Type.Name;

    private static string Title(string type, string category) => (type, category) switch
    {
        ("ClientBenchmarks", "GetUser") => "Get one user",
        ("ClientBenchmarks", "Suspend") => "Suspend one user",
        ("ClientBenchmarks", "ListUsers") => "One page of 1000 users",
        ("CoordinationBenchmarks", "Limiter") => "Fleet coordination on a loopback redis-server: one get-user call",
        ("CoordinationBenchmarks", "Token") => "Fleet coordination: where a worker finds its token",
        ("GeneratorBenchmarks", _) => "The source generator in Roslyn's driver",
        ("PaginationBenchmarks", _) => "Paging 100,000 users",
        _ => type + ": " + category,
    };

    private static string Description(BenchmarkReport report) => report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');

    /// <summary>The <paramref name="fraction"/> percentile, interpolated between the two nearest values (the median at 0.5); null for no values.</summary>
    private static double? PercentileOf(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        double position = fraction * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }

    /// <summary>One benchmark's row: its reports, one per pass.</summary>
    private sealed class Row(IReadOnlyList<BenchmarkReport> passes)
    {
        private BenchmarkReport First => passes[0];

        public bool IsBaseline => First.BenchmarkCase.Descriptor.Baseline;

        public string Description => PerformanceTable.Description(First);

        // The table's title names the scenario ("GetUser: ", "Token: "); the generator's prefixes ("cold: ") say more than that.
        public string Label => First.BenchmarkCase.Descriptor.Type.Name == "GeneratorBenchmarks" ? Description : Description.Split(": ", 2)[^1];

        // Computed once per row: the table reads a baseline's figures for every row beside it.

        /// <summary>The median of every measured iteration of every pass; null when a pass failed.</summary>
        public double? Median { get; } = PercentileOf(IterationsOf(passes), 0.5);

        /// <summary>The 10th percentile of the same iterations; null when a pass failed.</summary>
        public double? P10 { get; } = PercentileOf(IterationsOf(passes), 0.1);

        public double? Allocated { get; } = PercentileOf(passes
            .Select(report => (double?)report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase))
            .OfType<double>(), 0.5);

        /// <summary>Every measured iteration's time per operation, in nanoseconds; none when a pass failed.</summary>
        private static IEnumerable<double> IterationsOf(IReadOnlyList<BenchmarkReport> passes) => passes.Any(report => report.ResultStatistics is null)
            ? []
            : passes.SelectMany(report => report.AllMeasurements)
                .Where(measurement => measurement.IterationMode == IterationMode.Workload && measurement.IterationStage == IterationStage.Result)
                .Select(measurement => measurement.GetAverageTime().Nanoseconds);
    }

    // Two decimals, or two significant digits below 0.1, so a tiny ratio never reads as 0.00.
    private static string Ratio(double? value, double? baseline)
    {
        if (value is not { } v || baseline is not > 0)
        {
            return "n/a";
        }

        double ratio = v / baseline.Value;
        return ratio is >= 0.1 or 0
            ? ratio.ToString("0.00", CultureInfo.InvariantCulture)
            : Math.Round(ratio, 1 - (int)Math.Floor(Math.Log10(ratio))).ToString("0.##########", CultureInfo.InvariantCulture);
    }

    private static string Time(double? nanoseconds) => nanoseconds switch
    {
        null => "failed",
        >= 1e9 => (nanoseconds.Value / 1e9).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        >= 1e6 => (nanoseconds.Value / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (nanoseconds.Value / 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " µs",
        _ => nanoseconds.Value.ToString("0", CultureInfo.InvariantCulture) + " ns",
    };

    private static string Bytes(double? bytes) => bytes switch
    {
        null => "n/a",
        >= 1024 * 1024 => (bytes.Value / (1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes.Value / 1024).ToString("0.00", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.Value.ToString("0", CultureInfo.InvariantCulture) + " B",
    };
}
