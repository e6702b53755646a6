using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// BenchmarkDotNet picks the benchmarks from the arguments, for example: --filter '*ClientBenchmarks*'.
BenchmarkSwitcher.FromAssembly(typeof(OnePassword.Users.Benchmarks.ClientBenchmarks).Assembly)
    .Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary));
