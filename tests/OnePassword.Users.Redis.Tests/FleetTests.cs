using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OnePassword.Users.Emulator;
using OnePassword.Users.Runtime;
using StackExchange.Redis;

namespace OnePassword.Users.Redis.Tests;

/// <summary>
/// A fleet against one emulator that enforces a scaled limit: worker processes sharing one budget
/// and one token through a real redis-server, and an outage of Redis in the middle of a run. These
/// run alone, since they measure throughput.
/// </summary>
[Collection(FleetCollection.Name)]
public sealed class FleetTests(Xunit.Abstractions.ITestOutputHelper output)
{
    // The worker's RateLimitOptions.SafetyMargin (tests/OnePassword.Users.Redis.Worker/Program.cs).
    private static readonly TimeSpan WorkerSafetyMargin = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Four_worker_processes_keep_to_one_budget_with_one_token_request()
    {
        const int Workers = 4, CallsEach = 250, Limit = 200;
        TimeSpan window = TimeSpan.FromSeconds(10);
        await using RedisServer redis = await RedisServer.StartAsync();
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            RateLimits = [new Emulator.RateLimitRule(Limit, window)],
            Seed = new EmulatorSeed([new SeedUser("owner@example.com", "Owner", UserRole.Owner), new SeedUser("worker-target@example.com", "Target")]),
        });
        string user = emulator.State.ListUsers(emulator.DefaultAccountId).Single(u => u.Role == UserRole.Member).Id;
        string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        // The worker runs from its own output folder, with its own dependencies: .../OnePassword.Users.Redis.Worker/bin/<configuration>/<tfm>/.
        string worker = Path.Combine(AppContext.BaseDirectory.Replace("OnePassword.Users.Redis.Tests", "OnePassword.Users.Redis.Worker", StringComparison.Ordinal), "OnePassword.Users.Redis.Worker.dll");
        File.Exists(worker).ShouldBeTrue(worker);

        string[] outputs = await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => RunAsync(
            worker,
            emulator.BaseUrl.ToString(), emulator.DefaultClient.ClientId, emulator.DefaultClient.ClientSecret, emulator.DefaultAccountId, user,
            CallsEach.ToString(CultureInfo.InvariantCulture), redis.Configuration, key, Limit.ToString(CultureInfo.InvariantCulture),
            ((int)window.TotalMilliseconds).ToString(CultureInfo.InvariantCulture))));

        long[][] results = [.. outputs.Select(output => output.Trim().Split(' ').Select(long.Parse).ToArray())];
        results.Sum(result => result[0]).ShouldBe(Workers * CallsEach, string.Join("\n", outputs));
        results.Sum(result => result[1]).ShouldBe(0, "no 429 reached a worker's caller");
        results.Sum(result => result[2]).ShouldBe(0);
        // The server counts a request when it arrives, the fleet when it grants the permit; a
        // process that stalls longer than the safety margin between the two (six processes share
        // two cores here) can land one request in the server's previous window. The retry after
        // its Retry-After absorbs it, as the callers' count above shows.
        emulator.Statistics.RateLimitedResponses.ShouldBeLessThanOrEqualTo(Workers * CallsEach / 100, "at most 1% of the calls met a 429 at the server");
        emulator.Statistics.TokensIssued.ShouldBe(1, "one token request for the whole fleet");

        // The fleet paces to Limit per (window + the worker's 500 ms safety margin): 19.05 calls/s
        // at best. It must reach 90% of that on a loaded 2-core machine; a fleet that split the
        // budget into shares, or sat in its local fallback, would manage a quarter of it.
        double seconds = (results.Max(result => result[4]) - results.Min(result => result[3])) / 1000.0;
        double throughput = ((Workers * CallsEach) - Workers) / seconds;
        double paced = Limit / (window + WorkerSafetyMargin).TotalSeconds;
        output.WriteLine($"{throughput:F2} calls/s over {seconds:F1} s ({throughput / paced:P1} of the {paced:F2} calls/s paced); {emulator.Statistics.RateLimitedResponses} 429s at the server; {emulator.Statistics.TokensIssued} token request(s)");
        throughput.ShouldBeGreaterThanOrEqualTo(0.9 * paced, $"{throughput:F2} calls/s over {seconds:F1} s, against {paced:F2} calls/s paced");
    }

    [Fact]
    public async Task A_redis_outage_mid_run_loses_no_call_and_sends_none_twice_and_is_logged()
    {
        const int Limit = 50, CallsEach = 150;
        TimeSpan window = TimeSpan.FromSeconds(2);
        await using RedisServer redis = await RedisServer.StartAsync();
        using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            RateLimits = [new Emulator.RateLimitRule(Limit, window)],
            Seed = new EmulatorSeed([new SeedUser("owner@example.com", "Owner", UserRole.Owner), new SeedUser("chaos-target@example.com", "Target")]),
        });
        string user = emulator.State.ListUsers(emulator.DefaultAccountId).Single(u => u.Role == UserRole.Member).Id;
        var logs = new FakeLogCollector();
        using var loggers = new LoggerFactory([new FakeLoggerProvider(logs)]);
        int done = 0;
        Task outage = Task.Run(async () =>
        {
            while (Volatile.Read(ref done) < 80)
            {
                await Task.Delay(20);
            }

            await redis.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await redis.StartAgainAsync();
        });

        async Task<int> WorkerAsync(string name)
        {
            await using var client = UsersApiClient.Create(new ApiClientOptions
            {
                Name = name,
                BaseUrl = emulator.BaseUrl,
                ClientId = emulator.DefaultClient.ClientId,
                ClientSecret = emulator.DefaultClient.ClientSecret,
                LoggerFactory = loggers,
                CallTimeout = TimeSpan.FromSeconds(60),
                Retry = new RetryOptions { MaxRetries = 6 },
                RateLimit = new RateLimitOptions { Rules = [new Runtime.RateLimitRule(Limit, window)], SafetyMargin = TimeSpan.FromMilliseconds(100) },
                Coordination = new RedisCoordination(connection, new RedisCoordinationOptions { FallbackShare = 0.5, RetryInterval = TimeSpan.FromMilliseconds(500) }),
            });
            int succeeded = 0;
            for (int i = 0; i < CallsEach; i++)
            {
                await client.Accounts[emulator.DefaultAccountId].Users[user].GetAsync();
                succeeded++;
                Interlocked.Increment(ref done);
            }

            return succeeded;
        }

        int[] succeeded = await Task.WhenAll(WorkerAsync("a"), WorkerAsync("b")).WaitAsync(TimeSpan.FromMinutes(3));
        await outage;

        succeeded.Sum().ShouldBe(2 * CallsEach);
        logs.GetSnapshot().ShouldContain(record => record.Id.Id == 6001, "the fallback was logged");
        logs.GetSnapshot().ShouldContain(record => record.Id.Id == 6002, "the way back was logged");
        long rateLimited = emulator.Statistics.RateLimitedResponses;
        emulator.Statistics.RequestsFor(EmulatorOperation.GetUser).ShouldBe((2 * CallsEach) + rateLimited, "every call was sent once, plus one retry per 429");
        rateLimited.ShouldBeLessThanOrEqualTo(2 * Limit, "at most a window's budget on each switch to the fallback and back");
    }

    private static async Task<string> RunAsync(string worker, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(worker);
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(startInfo)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, await errors);
        return await output;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FleetCollection
{
    public const string Name = "Fleet measurements";
}
