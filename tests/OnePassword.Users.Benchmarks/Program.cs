using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using OnePassword.Users.Benchmarks;

// --peak-memory prints the paginator's live-heap high-water mark; anything else goes to
// BenchmarkDotNet, for example: --filter '*ClientBenchmarks*' or --filter '*PaginationBenchmarks*'.
if (args is ["--peak-memory"])
{
    await PeakMemory.RunAsync(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ClientBenchmarks).Assembly)
    .Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary));
