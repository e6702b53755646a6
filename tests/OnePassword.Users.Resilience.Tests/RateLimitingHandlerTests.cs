using System.Net;
using OnePassword.Users.Resilience.Tests.Infrastructure;
using OnePassword.Users.Runtime;
using Shouldly;

namespace OnePassword.Users.Resilience.Tests;

/// <summary>The rate-limiting handler in front of a real loopback server, on a fake clock.</summary>
public sealed class RateLimitingHandlerTests
{
    private readonly ObservedTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private HttpClient ClientFor(LoopbackServer server, RollingWindowRateLimiter limiter, RateLimitOptions options) =>
        new(new RateLimitingHandler(limiter, options, _time) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = server.BaseAddress };

    private static Uri Users => new("v1beta1/accounts/A/users", UriKind.Relative);

    [Fact]
    public async Task A_request_over_the_limit_waits_for_the_window_before_it_is_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(_time, Reply.Ok(), Reply.Ok(), Reply.Ok());
        using var limiter = new RollingWindowRateLimiter(2, TimeSpan.FromSeconds(10), _time, int.MaxValue);
        using HttpClient client = ClientFor(server, limiter, new RateLimitOptions());

        (await client.GetAsync(Users)).Dispose();
        (await client.GetAsync(Users)).Dispose();
        Task<HttpResponseMessage> third = client.GetAsync(Users);

        limiter.GetStatistics()!.CurrentQueuedCount.ShouldBe(1);
        _time.Advance(TimeSpan.FromMilliseconds(9_999));
        third.IsCompleted.ShouldBeFalse();
        server.Requests.Count.ShouldBe(2);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        using HttpResponseMessage response = await Eventually.ResultAsync(third);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests[2].ReceivedAt.ShouldBe(server.Requests[0].ReceivedAt + TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_429_with_Retry_After_holds_every_caller_sharing_the_limiter()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            _time, Reply.Status(429, 8, "rate limit exceeded", ("Retry-After", "5")), Reply.Ok(), Reply.Ok());
        var limiter = ClientRateLimiter.Acquire(Guid.NewGuid().ToString("N"), new RateLimitOptions(), _time).Limiter;
        var options = new RateLimitOptions();
        using HttpClient first = ClientFor(server, limiter, options);
        using HttpClient second = ClientFor(server, limiter, options);

        using HttpResponseMessage limited = await first.GetAsync(Users);
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        Task<HttpResponseMessage> fromFirst = first.GetAsync(Users);
        Task<HttpResponseMessage> fromSecond = second.GetAsync(Users);

        limiter.GetStatistics()!.CurrentQueuedCount.ShouldBe(2);
        _time.Advance(TimeSpan.FromMilliseconds(4_999));
        server.Requests.Count.ShouldBe(1);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        (await Eventually.ResultAsync(fromFirst)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Eventually.ResultAsync(fromSecond)).StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests.Skip(1).ShouldAllBe(request => request.ReceivedAt >= server.Requests[0].ReceivedAt + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Cancelling_a_request_that_waits_for_a_permit_sends_nothing()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.Ok(), Reply.Ok());
        using var limiter = new RollingWindowRateLimiter(1, TimeSpan.FromMinutes(1), _time, int.MaxValue);
        using HttpClient client = ClientFor(server, limiter, new RateLimitOptions());
        (await client.GetAsync(Users)).Dispose();
        using var cancellation = new CancellationTokenSource();

        Task<HttpResponseMessage> waiting = client.GetAsync(Users, cancellation.Token);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => Eventually.ResultAsync(waiting));
        server.Requests.Count.ShouldBe(1);
        limiter.GetStatistics()!.CurrentQueuedCount.ShouldBe(0);
    }

    [Fact]
    public async Task Waiting_longer_than_MaxQueueWait_fails_with_ClientRateLimitExceededException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.Ok(), Reply.Ok());
        using var limiter = new RollingWindowRateLimiter(1, TimeSpan.FromMinutes(1), _time, int.MaxValue);
        using HttpClient client = ClientFor(server, limiter, new RateLimitOptions { MaxQueueWait = TimeSpan.FromSeconds(30) });
        (await client.GetAsync(Users)).Dispose();

        Task<HttpResponseMessage> waiting = client.GetAsync(Users);
        _time.Advance(TimeSpan.FromSeconds(29));
        waiting.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(1));

        await Should.ThrowAsync<ClientRateLimitExceededException>(() => Eventually.ResultAsync(waiting));
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_full_queue_fails_at_once_without_sending()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.Ok(), Reply.Ok());
        using var limiter = new RollingWindowRateLimiter(1, TimeSpan.FromMinutes(1), _time, queueLimit: 0);
        using HttpClient client = ClientFor(server, limiter, new RateLimitOptions());
        (await client.GetAsync(Users)).Dispose();

        ClientRateLimitExceededException error = await Should.ThrowAsync<ClientRateLimitExceededException>(() => client.GetAsync(Users));

        error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(1));
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_disabled_limiter_lets_every_request_through()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.Ok(), Reply.Ok(), Reply.Ok());
        using var limiter = new RollingWindowRateLimiter(1, TimeSpan.FromMinutes(1), _time, int.MaxValue);
        using HttpClient client = ClientFor(server, limiter, new RateLimitOptions { Enabled = false });

        for (int i = 0; i < 3; i++)
        {
            (await Eventually.ResultAsync(client.GetAsync(Users))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        server.Requests.Count.ShouldBe(3);
        limiter.GetStatistics()!.TotalSuccessfulLeases.ShouldBe(0);
    }
}
