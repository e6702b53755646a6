using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OnePassword.Users.Runtime;
using StackExchange.Redis;

namespace OnePassword.Users.Redis.Tests;

/// <summary>The fleet's rate limiter on a real redis-server: one budget for every instance, timed by Redis.</summary>
public sealed class RedisRateLimiterTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private ApiRateLimiter Limiter(string partition, int limit, TimeSpan window, TimeProvider? time = null, RedisCoordinationOptions? options = null, ILoggerFactory? loggers = null, IConnectionMultiplexer? connection = null) =>
        new RedisCoordination(connection ?? redis.Connection, options).CreateRateLimiter(Support.Request(partition, limit, window, time, loggers));

    [Fact]
    public async Task Two_instances_with_one_partition_share_one_budget()
    {
        string partition = Support.UniqueKey();
        using ApiRateLimiter first = Limiter(partition, 3, TimeSpan.FromMinutes(1));
        using ApiRateLimiter second = Limiter(partition, 3, TimeSpan.FromMinutes(1));

        (await first.AcquireAsync()).IsAcquired.ShouldBeTrue();
        (await second.AcquireAsync()).IsAcquired.ShouldBeTrue();
        first.AttemptAcquire().IsAcquired.ShouldBeTrue();
        RateLimitLease refused = second.AttemptAcquire();

        refused.IsAcquired.ShouldBeFalse();
        refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out TimeSpan wait).ShouldBeTrue();
        wait.ShouldBeInRange(TimeSpan.FromSeconds(55), TimeSpan.FromMinutes(1));
        first.GetStatistics()!.CurrentAvailablePermits.ShouldBe(0);
    }

    [Fact]
    public async Task A_waiting_caller_gets_its_permit_when_the_window_moves()
    {
        string partition = Support.UniqueKey();
        using ApiRateLimiter limiter = Limiter(partition, 2, TimeSpan.FromSeconds(1));
        var stopwatch = Stopwatch.StartNew();

        for (int i = 0; i < 6; i++)
        {
            (await limiter.AcquireAsync()).IsAcquired.ShouldBeTrue();
        }

        // Six permits at two a second: the last two cannot come before two seconds have passed.
        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9));
    }

    [Fact]
    public async Task Workers_with_skewed_clocks_still_keep_to_the_limit_because_redis_tells_the_time()
    {
        string partition = Support.UniqueKey();
        const int Limit = 5;
        TimeSpan window = TimeSpan.FromSeconds(1);
        using ApiRateLimiter ahead = Limiter(partition, Limit, window, new Support.SkewedClock(TimeSpan.FromHours(1)));
        using ApiRateLimiter behind = Limiter(partition, Limit, window, new Support.SkewedClock(TimeSpan.FromHours(-3)));
        var grants = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();

        async Task Take(ApiRateLimiter limiter)
        {
            for (int i = 0; i < 10; i++)
            {
                (await limiter.AcquireAsync()).IsAcquired.ShouldBeTrue();
                lock (grants)
                {
                    grants.Add(clock.Elapsed);
                }
            }
        }

        await Task.WhenAll(Take(ahead), Take(behind));

        grants.Count.ShouldBe(20);
        grants.Sort();
        // No window of one second (less a little for the time between Redis and this process) holds more than the limit.
        for (int i = Limit; i < grants.Count; i++)
        {
            (grants[i] - grants[i - Limit]).ShouldBeGreaterThan(window - TimeSpan.FromMilliseconds(50), $"grants {i - Limit} and {i}");
        }
    }

    [Fact]
    public async Task A_hold_from_one_worker_pauses_every_worker()
    {
        string partition = Support.UniqueKey();
        var logs = new FakeLogCollector();
        using var loggers = new LoggerFactory([new FakeLoggerProvider(logs)]);
        using ApiRateLimiter limited = Limiter(partition, 100, TimeSpan.FromMinutes(1), loggers: loggers);
        using ApiRateLimiter other = Limiter(partition, 100, TimeSpan.FromMinutes(1));

        // Timed from before the hold is asked for: Redis starts the 1.5 s when the hold reaches it,
        // which is later, so a stalled test thread can only make the measured wait longer.
        var stopwatch = Stopwatch.StartNew();
        limited.HoldFor(TimeSpan.FromSeconds(1.5));
        await Eventually(() => Task.FromResult(logs.GetSnapshot().Any(record => record.Id.Id == 6006)));

        (await other.AcquireAsync()).IsAcquired.ShouldBeTrue();

        stopwatch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.45));
    }

    [Fact]
    public async Task A_refusal_from_one_worker_fails_every_workers_callers_at_once()
    {
        string partition = Support.UniqueKey();
        using ApiRateLimiter limited = Limiter(partition, 100, TimeSpan.FromMinutes(1));
        using ApiRateLimiter other = Limiter(partition, 100, TimeSpan.FromMinutes(1));
        limited.Refuse(TimeSpan.FromMinutes(10), null!);
        await Task.Delay(100);

        RateLimitLease lease = await other.AcquireAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        lease.IsAcquired.ShouldBeFalse();
        lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out TimeSpan left).ShouldBeTrue();
        left.ShouldBeInRange(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Waiting_callers_are_served_in_order_and_a_cancelled_one_leaves_the_queue()
    {
        string partition = Support.UniqueKey();
        using ApiRateLimiter limiter = Limiter(partition, 1, TimeSpan.FromMilliseconds(500));
        (await limiter.AcquireAsync()).IsAcquired.ShouldBeTrue();
        var order = new List<int>();
        using var cancel = new CancellationTokenSource();

        Task first = Wait(1, CancellationToken.None);
        Task cancelled = Wait(2, cancel.Token);
        Task third = Wait(3, CancellationToken.None);
        cancel.Cancel();
        await Should.ThrowAsync<OperationCanceledException>(() => cancelled);
        await Task.WhenAll(first, third).WaitAsync(TimeSpan.FromSeconds(10));

        order.ShouldBe([1, 3]);

        async Task Wait(int id, CancellationToken cancellationToken)
        {
            (await limiter.AcquireAsync(1, cancellationToken)).IsAcquired.ShouldBeTrue();
            lock (order)
            {
                order.Add(id);
            }
        }
    }

    [Fact]
    public async Task Without_redis_the_limiter_paces_with_its_local_share_and_says_so_and_returns_when_redis_does()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await server.StopAsync();
        using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        var logs = new FakeLogCollector();
        using var loggers = new LoggerFactory([new FakeLoggerProvider(logs)]);
        using ApiRateLimiter limiter = Limiter(Support.UniqueKey(), 8, TimeSpan.FromMinutes(1), options: new RedisCoordinationOptions { FallbackShare = 0.25, RetryInterval = TimeSpan.FromMilliseconds(200) }, loggers: loggers, connection: connection);

        (await limiter.AcquireAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5))).IsAcquired.ShouldBeTrue();
        (await limiter.AcquireAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5))).IsAcquired.ShouldBeTrue();
        limiter.AttemptAcquire().IsAcquired.ShouldBeFalse("the local share is a quarter of 8 a minute");
        logs.GetSnapshot().ShouldContain(record => record.Id.Id == 6001 && record.Level == LogLevel.Warning);

        await server.StartAgainAsync();
        await Eventually(async () => (await limiter.AcquireAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5))).IsAcquired);

        logs.GetSnapshot().ShouldContain(record => record.Id.Id == 6002);
    }

    [Fact]
    public async Task Fail_closed_refuses_at_once_with_the_reason_while_redis_is_gone()
    {
        await using RedisServer server = await RedisServer.StartAsync();
        await server.StopAsync();
        using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(server.Configuration);
        using ApiRateLimiter limiter = Limiter(Support.UniqueKey(), 8, TimeSpan.FromMinutes(1), options: new RedisCoordinationOptions { FailureMode = RedisFailureMode.FailClosed }, connection: connection);
        var stopwatch = Stopwatch.StartNew();

        RateLimitLease lease = await limiter.AcquireAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));

        lease.IsAcquired.ShouldBeFalse();
        ((LimiterLease)lease).FailureReason.ShouldNotBeNull().ShouldContain("FailClosed");
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3), "a refusal comes within the operation timeout, not after a hang");
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold within 15 s.");
            }

            await Task.Delay(100);
        }
    }
}
