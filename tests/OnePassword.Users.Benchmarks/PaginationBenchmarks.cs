using BenchmarkDotNet.Attributes;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Benchmarks;

/// <summary>
/// Streams 100,000 users (100 pages of 1000) through the generated paginator, against keeping
/// them all in a list. Time and allocations come from BenchmarkDotNet; the live-heap high-water
/// mark comes from <see cref="PeakMemory"/> (run with <c>--peak-memory</c>).
/// </summary>
[MemoryDiagnoser]
public class PaginationBenchmarks
{
    public const int Pages = 100;
    public const int PageSize = 1000;

    private UsersApiClient _client = null!;

    [GlobalSetup]
    public void Setup() => _client = CreateClient();

    public static UsersApiClient CreateClient() =>
        new(new ApiRequestAdapter(new HttpClient(PagedHandler.Create(Pages, PageSize)), "https://api.1password.com"));

    [Benchmark(Baseline = true, Description = "100k users: collect every page into a list")]
    public async Task<int> Materialize() => (await _client.Accounts["A"].Users.ListAllAsync(pageSize: PageSize).ToListAsync()).Count;

    [Benchmark(Description = "100k users: stream with await foreach")]
    public async Task<int> Stream()
    {
        var count = 0;
        await foreach (var user in _client.Accounts["A"].Users.ListAllAsync(pageSize: PageSize))
        {
            count += user.Email.Length > 0 ? 1 : 0;
        }

        return count;
    }
}
