using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using OnePassword.Users.Models;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Benchmarks;

/// <summary>
/// A get-user call, a suspend and a 1000-user page, from request building to models, for every
/// client the README compares, over the same in-memory handler in one run: the hand-written
/// baselines, the generated client (on its own adapter, through <c>Create()</c>'s whole
/// pipeline, and on Kiota's adapter), Kiota's standard parse-node path, and NSwag's client when
/// the benchmark is built with it (<c>run-benchmarks.sh</c> does).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientBenchmarks
{
    private const string Account = "ACCOUNT123";
    private const string User = "IR7VJHJ36JHINBFAD7V2T5MP3E";
    private static readonly Uri BaseUrl = new("https://api.1password.com/");
    private readonly byte[] _user = Payloads.User(7);
    private readonly byte[] _page = Payloads.Page(0, 1000, "CAIQAg");
    private BaselineClient _baseline = null!;
    private PooledSpanClient _pooled = null!;
    private UsersApiClient _generated = null!;
    private UsersApiClient _pipeline = null!;
    private UsersApiClient _onKiota = null!;
    private HttpClientRequestAdapter _kiota = null!;
#if NSWAG
    private Nswag.UsersApiNswagClient _nswag = null!;
#endif

    [GlobalSetup]
    public void Setup()
    {
        var handler = new InMemoryHandler(request => request.RequestUri!.AbsolutePath switch
        {
            var path when path.EndsWith("/users", StringComparison.Ordinal) => _page,
            var path when path.EndsWith("/oauth2/token", StringComparison.Ordinal) => Payloads.Token,
            _ => _user,
        });
        _baseline = new BaselineClient(new HttpClient(handler) { BaseAddress = BaseUrl });
        _pooled = new PooledSpanClient(new HttpClient(handler), BaseUrl);
        _generated = new UsersApiClient(new ApiRequestAdapter(new HttpClient(handler), BaseUrl.ToString()));
        _pipeline = UsersApiClient.Create(new ApiClientOptions
        {
            ClientId = "benchmark-client",
            ClientSecret = "benchmark-secret",
            BaseUrl = BaseUrl,
            Transport = handler,

            // The production pipeline with a budget no benchmark can spend: the limiter still runs for every call.
            RateLimit = new RateLimitOptions { Rules = [new RateLimitRule(1_000_000, TimeSpan.FromSeconds(1))] },
        });
        _kiota = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), new Microsoft.Kiota.Serialization.Json.JsonParseNodeFactory(), httpClient: new HttpClient(handler))
        {
            BaseUrl = BaseUrl.ToString().TrimEnd('/'),
        };
        _onKiota = new UsersApiClient(_kiota);
#if NSWAG
        _nswag = new Nswag.UsersApiNswagClient(new HttpClient(handler)) { BaseUrl = BaseUrl.ToString() };
#endif
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.Dispose();

    [Benchmark(Baseline = true, Description = "GetUser: hand-written, stream + DeserializeAsync")]
    [BenchmarkCategory("GetUser")]
    public async Task<string> GetUserBaseline() => (await _baseline.GetUserAsync(Account, User)).Email;

    [Benchmark(Description = "GetUser: hand-written, pooled buffer + Deserialize(span)")]
    [BenchmarkCategory("GetUser")]
    public async Task<string> GetUserPooled() => (await _pooled.GetUserAsync(Account, User)).Email;

    [Benchmark(Description = "GetUser: generated, ApiRequestAdapter")]
    [BenchmarkCategory("GetUser")]
    public async Task<string> GetUserGenerated() => (await _generated.Accounts[Account].Users[User].GetAsync()).Email!;

    [Benchmark(Description = "GetUser: generated, Create() pipeline")]
    [BenchmarkCategory("GetUser")]
    public async Task<string> GetUserPipeline() => (await _pipeline.Accounts[Account].Users[User].GetAsync()).Email!;

    [Benchmark(Description = "GetUser: generated builders on Kiota's adapter")]
    [BenchmarkCategory("GetUser")]
    public async Task<string> GetUserOnKiota() => (await _onKiota.Accounts[Account].Users[User].GetAsync()).Email!;

    [Benchmark(Description = "GetUser: Kiota's standard path (JsonParseNode)")]
    [BenchmarkCategory("GetUser")]
    public async Task<string> GetUserKiotaStandard() =>
        (await _kiota.SendAsync(_onKiota.Accounts[Account].Users[User].ToGetRequestInformation(), Models.User.CreateFromDiscriminatorValue))!.Email!;

#if NSWAG
    [Benchmark(Description = "GetUser: NSwag client (System.Text.Json)")]
    [BenchmarkCategory("GetUser")]
    public async Task<string> GetUserNswag() => (await _nswag.GetUserAsync(Account, User)).Email;
#endif

    [Benchmark(Baseline = true, Description = "Suspend: hand-written, stream + DeserializeAsync")]
    [BenchmarkCategory("Suspend")]
    public async Task<string> SuspendBaseline() => (await _baseline.SuspendUserAsync(Account, User)).Email;

    [Benchmark(Description = "Suspend: hand-written, pooled buffer + Deserialize(span)")]
    [BenchmarkCategory("Suspend")]
    public async Task<string> SuspendPooled() => (await _pooled.SuspendUserAsync(Account, User)).Email;

    [Benchmark(Description = "Suspend: generated, ApiRequestAdapter")]
    [BenchmarkCategory("Suspend")]
    public async Task<string> SuspendGenerated() => (await _generated.Accounts[Account].Users[User].Suspend.PostAsync()).Email!;

    [Benchmark(Description = "Suspend: generated, Create() pipeline")]
    [BenchmarkCategory("Suspend")]
    public async Task<string> SuspendPipeline() => (await _pipeline.Accounts[Account].Users[User].Suspend.PostAsync()).Email!;

    [Benchmark(Description = "Suspend: generated builders on Kiota's adapter")]
    [BenchmarkCategory("Suspend")]
    public async Task<string> SuspendOnKiota() => (await _onKiota.Accounts[Account].Users[User].Suspend.PostAsync()).Email!;

    [Benchmark(Description = "Suspend: Kiota's standard path (JsonParseNode)")]
    [BenchmarkCategory("Suspend")]
    public async Task<string> SuspendKiotaStandard() =>
        (await _kiota.SendAsync(_onKiota.Accounts[Account].Users[User].Suspend.ToPostRequestInformation(), Models.User.CreateFromDiscriminatorValue))!.Email!;

#if NSWAG
    [Benchmark(Description = "Suspend: NSwag client (System.Text.Json)")]
    [BenchmarkCategory("Suspend")]
    public async Task<string> SuspendNswag() => (await _nswag.SuspendUserAsync(Account, User)).Email;
#endif

    [Benchmark(Baseline = true, Description = "ListUsers 1000: hand-written, stream + DeserializeAsync")]
    [BenchmarkCategory("ListUsers")]
    public async Task<int> ListUsersBaseline() => (await _baseline.ListUsersAsync(Account, 1000, null)).Results!.Count;

    [Benchmark(Description = "ListUsers 1000: hand-written, pooled buffer + Deserialize(span)")]
    [BenchmarkCategory("ListUsers")]
    public async Task<int> ListUsersPooled() => (await _pooled.ListUsersAsync(Account, 1000)).Results!.Count;

    [Benchmark(Description = "ListUsers 1000: generated, ApiRequestAdapter")]
    [BenchmarkCategory("ListUsers")]
    public async Task<int> ListUsersGenerated() => (await _generated.Accounts[Account].Users.GetAsync(q => q.QueryParameters.MaxPageSize = 1000)).Results!.Count;

    [Benchmark(Description = "ListUsers 1000: generated, Create() pipeline")]
    [BenchmarkCategory("ListUsers")]
    public async Task<int> ListUsersPipeline() => (await _pipeline.Accounts[Account].Users.GetAsync(q => q.QueryParameters.MaxPageSize = 1000)).Results!.Count;

    [Benchmark(Description = "ListUsers 1000: generated builders on Kiota's adapter")]
    [BenchmarkCategory("ListUsers")]
    public async Task<int> ListUsersOnKiota() => (await _onKiota.Accounts[Account].Users.GetAsync(q => q.QueryParameters.MaxPageSize = 1000)).Results!.Count;

    [Benchmark(Description = "ListUsers 1000: Kiota's standard path (JsonParseNode)")]
    [BenchmarkCategory("ListUsers")]
    public async Task<int> ListUsersKiotaStandard() =>
        (await _kiota.SendAsync(_onKiota.Accounts[Account].Users.ToGetRequestInformation(q => q.QueryParameters.MaxPageSize = 1000), ListUsersResponse.CreateFromDiscriminatorValue))!.Results!.Count;

#if NSWAG
    [Benchmark(Description = "ListUsers 1000: NSwag client (System.Text.Json)")]
    [BenchmarkCategory("ListUsers")]
    public async Task<int> ListUsersNswag() => (await _nswag.ListUsersAsync(Account, null, 1000, null)).Results.Count;
#endif
}
