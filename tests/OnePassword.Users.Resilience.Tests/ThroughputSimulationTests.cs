using System.Globalization;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using OnePassword.Users.Resilience.Tests.Infrastructure;
using OnePassword.Users.Runtime;
using Shouldly;
using Xunit.Abstractions;

namespace OnePassword.Users.Resilience.Tests;

/// <summary>
/// A bulk job of 300 requests through the real pipeline (retry, then rate limiting) against a
/// simulated server that enforces 100 requests a minute as an exact rolling window, with
/// network latency, all on simulated time. It measures how close the client comes to the limit
/// without ever crossing it.
/// </summary>
public sealed class ThroughputSimulationTests(ITestOutputHelper output)
{
    private const int Requests = 300;
    private const int Limit = 100;
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Three_hundred_requests_run_at_over_95_percent_of_the_limit_with_no_429()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var server = new RollingWindowServer(Limit, s_window, time, seed: 7);
        var options = new RateLimitOptions();
        using SharedRateLimiter shared = ClientRateLimiter.Acquire(Guid.NewGuid().ToString("N"), options, time);
        RollingWindowRateLimiter limiter = shared.Limiter;
        using var client = new HttpClient(
            new RetryHandler(new RetryOptions(), time)
            {
                InnerHandler = new RateLimitingHandler(limiter, options, time) { InnerHandler = server },
            });

        DateTimeOffset start = time.GetUtcNow();
        int completed = 0;
        Task<HttpStatusCode>[] calls = [.. Enumerable.Range(0, Requests).Select(async i =>
        {
            using HttpResponseMessage response = await client.GetAsync(new Uri($"http://users.test/v1beta1/accounts/A/users/U{i}"));
            Interlocked.Increment(ref completed);
            return response.StatusCode;
        })];

        // Step the clock 10 ms at a time, and only once every request is either done, waiting
        // for a permit or "on the wire" in the server: then nothing is left to run at this instant.
        while (Volatile.Read(ref completed) < Requests)
        {
            await Eventually.TrueAsync(
                () => Volatile.Read(ref completed) + limiter.GetStatistics()!.CurrentQueuedCount + server.InFlight == Requests,
                "the simulation to settle");
            if (Volatile.Read(ref completed) < Requests)
            {
                time.Advance(TimeSpan.FromMilliseconds(10));
            }
        }

        HttpStatusCode[] statuses = await Task.WhenAll(calls);
        TimeSpan makespan = server.LastArrival - start;

        // With an exact rolling window the first 100 may go at once and every later 100 need one
        // more window, so 300 requests need at least 2 windows: that is 100% of the limit.
        TimeSpan ideal = (Requests - Limit) / Limit * s_window;
        double share = ideal / makespan;
        double perMinute = (Requests - Limit) / makespan.TotalMinutes;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Requests} requests, limit {Limit}/min: last request at {makespan.TotalSeconds:F2} s (ideal {ideal.TotalSeconds:F0} s), steady rate {perMinute:F1}/min = {share:P2} of the limit; 429s: {server.Rejected}"));

        statuses.ShouldAllBe(status => status == HttpStatusCode.OK);
        server.Rejected.ShouldBe(0);
        server.Accepted.ShouldBe(Requests);
        share.ShouldBeGreaterThanOrEqualTo(0.95);
    }

    /// <summary>
    /// Counts a request when it arrives, after a simulated network latency of 0 to 40 ms, and
    /// refuses it with 429 and Retry-After if the last minute (exact, rolling) already holds 100.
    /// </summary>
    private sealed class RollingWindowServer(int limit, TimeSpan window, TimeProvider time, int seed) : HttpMessageHandler
    {
        private readonly object _gate = new();
        private readonly Queue<DateTimeOffset> _accepted = new();
        private readonly Random _latency = new(seed);
        private int _inFlight;

        public int InFlight => Volatile.Read(ref _inFlight);

        public int Accepted { get; private set; }

        public int Rejected { get; private set; }

        public DateTimeOffset LastArrival { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _inFlight);
            TimeSpan latency;
            lock (_gate)
            {
                latency = TimeSpan.FromMilliseconds(10 * _latency.Next(0, 5));
            }

            try
            {
                if (latency > TimeSpan.Zero)
                {
                    await Task.Delay(latency, time, cancellationToken);
                }

                lock (_gate)
                {
                    DateTimeOffset now = time.GetUtcNow();
                    LastArrival = now;
                    while (_accepted.Count > 0 && _accepted.Peek() <= now - window)
                    {
                        _accepted.Dequeue();
                    }

                    if (_accepted.Count >= limit)
                    {
                        Rejected++;
                        int seconds = (int)Math.Ceiling((_accepted.Peek() + window - now).TotalSeconds);
                        var refused = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = request };
                        refused.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
                        return refused;
                    }

                    _accepted.Enqueue(now);
                    Accepted++;
                    return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request };
                }
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
