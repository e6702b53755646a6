using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Benchmarks;

/// <summary>
/// A get-user call and a 1000-user list page, from request building to models: the generated
/// client against the hand-written baseline, both over the same in-memory handler.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientBenchmarks
{
    private static readonly Uri BaseUrl = new("https://api.1password.com/");
    private readonly byte[] _user = Payloads.User(7);
    private readonly byte[] _page = Payloads.Page(0, 1000, "CAIQAg");
    private BaselineClient _baseline = null!;
    private UsersApiClient _generated = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handler = new InMemoryHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/users", StringComparison.Ordinal) ? _page : _user);
        _baseline = new BaselineClient(new HttpClient(handler) { BaseAddress = BaseUrl });
        _generated = new UsersApiClient(new ApiRequestAdapter(new HttpClient(handler), BaseUrl.ToString()));
    }

    [Benchmark(Baseline = true, Description = "GetUser: HttpClient + STJ source-gen")]
    [BenchmarkCategory("GetUser")]
    public async Task<string> GetUserBaseline() => (await _baseline.GetUserAsync("ACCOUNT123", "IR7VJHJ36JHINBFAD7V2T5MP3E")).Email;

    [Benchmark(Description = "GetUser: generated client")]
    [BenchmarkCategory("GetUser")]
    public async Task<string> GetUserGenerated() => (await _generated.Accounts["ACCOUNT123"].Users["IR7VJHJ36JHINBFAD7V2T5MP3E"].GetAsync()).Email;

    [Benchmark(Baseline = true, Description = "ListUsers 1000: HttpClient + STJ source-gen")]
    [BenchmarkCategory("ListUsers")]
    public async Task<int> ListUsersBaseline() => (await _baseline.ListUsersAsync("ACCOUNT123", 1000, null)).Results!.Count;

    [Benchmark(Description = "ListUsers 1000: generated client")]
    [BenchmarkCategory("ListUsers")]
    public async Task<int> ListUsersGenerated() =>
        (await _generated.Accounts["ACCOUNT123"].Users.GetAsync(q => q.QueryParameters.MaxPageSize = 1000)).Results!.Count;
}
