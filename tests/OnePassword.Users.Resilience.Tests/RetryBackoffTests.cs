using System.Net;
using Microsoft.Extensions.Time.Testing;
using OnePassword.Users.Resilience.Tests.Infrastructure;
using OnePassword.Users.Runtime;
using Shouldly;

namespace OnePassword.Users.Resilience.Tests;

/// <summary>Backoff arithmetic and failure classification, which need no socket: an in-memory transport counts attempts.</summary>
public sealed class RetryBackoffTests
{
    private readonly FakeTimeProvider _time = new();

    private static HttpResponseMessage Unavailable(HttpRequestMessage request) => new(HttpStatusCode.ServiceUnavailable);

    private async Task<HttpResponseMessage> SendDrivingClockAsync(HttpMessageInvoker invoker, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://users.test/v1beta1/accounts/A/users");
        Task<HttpResponseMessage> call = invoker.SendAsync(request, cancellationToken);
        await Eventually.TrueAsync(
            () =>
            {
                // The clock only moves forward in big steps; the handler's waits are all shorter.
                _time.Advance(TimeSpan.FromMinutes(1));
                return call.IsCompleted;
            },
            "the retries to finish");
        return await call;
    }

    [Fact]
    public async Task Backoff_doubles_from_BaseDelay_and_stops_at_MaxDelay()
    {
        var delays = new List<TimeSpan>();
        var transport = new ScriptedHandler(Unavailable);
        var options = new RetryOptions
        {
            UseJitter = false,
            MaxRetries = 4,
            BaseDelay = TimeSpan.FromSeconds(10),
            MaxDelay = TimeSpan.FromSeconds(25),
            OnRetry = attempt => delays.Add(attempt.Delay),
        };
        using var invoker = new HttpMessageInvoker(new RetryHandler(options, _time) { InnerHandler = transport });

        using HttpResponseMessage response = await SendDrivingClockAsync(invoker);

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        transport.Calls.ShouldBe(5);
        delays.ShouldBe([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(25)]);
    }

    [Fact]
    public async Task Jitter_spreads_each_delay_between_zero_and_its_exponential_bound()
    {
        var delays = new List<TimeSpan>();
        var options = new RetryOptions { MaxRetries = 4, OnRetry = attempt => delays.Add(attempt.Delay) };
        using var invoker = new HttpMessageInvoker(new RetryHandler(options, _time) { InnerHandler = new ScriptedHandler(Unavailable) });

        for (int run = 0; run < 5; run++)
        {
            using HttpResponseMessage response = await SendDrivingClockAsync(invoker);
        }

        delays.Count.ShouldBe(20);
        for (int i = 0; i < delays.Count; i++)
        {
            TimeSpan bound = TimeSpan.FromSeconds(Math.Pow(2, i % 4));
            delays[i].ShouldBeInRange(TimeSpan.Zero, bound);
        }

        // Twenty uniform draws are never all at their upper bound unless jitter is off.
        delays.Where((delay, i) => delay < TimeSpan.FromSeconds(Math.Pow(2, i % 4))).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_timeout_below_the_handler_that_the_caller_did_not_ask_for_is_retried()
    {
        var transport = new ScriptedHandler(
            _ => throw new TaskCanceledException("inner timeout", new TimeoutException()),
            _ => new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = new HttpMessageInvoker(new RetryHandler(new RetryOptions(), _time) { InnerHandler = transport });

        using HttpResponseMessage response = await SendDrivingClockAsync(invoker);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        transport.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_never_retried()
    {
        using var cancellation = new CancellationTokenSource();
        var transport = new ScriptedHandler(_ =>
        {
            cancellation.Cancel();
            throw new TaskCanceledException("cancelled by the caller", null, cancellation.Token);
        });
        using var invoker = new HttpMessageInvoker(new RetryHandler(new RetryOptions(), _time) { InnerHandler = transport });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://users.test/v1beta1/accounts/A/users");

        await Should.ThrowAsync<TaskCanceledException>(() => invoker.SendAsync(request, cancellation.Token));
        transport.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_TLS_failure_is_not_retried()
    {
        var transport = new ScriptedHandler(_ => throw new HttpRequestException(HttpRequestError.SecureConnectionError, "bad certificate"));
        using var invoker = new HttpMessageInvoker(new RetryHandler(new RetryOptions(), _time) { InnerHandler = transport });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://users.test/v1beta1/accounts/A/users");

        (await Should.ThrowAsync<HttpRequestException>(() => invoker.SendAsync(request, CancellationToken.None)))
            .HttpRequestError.ShouldBe(HttpRequestError.SecureConnectionError);
        transport.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Connection_failures_are_not_retried_when_switched_off()
    {
        var transport = new ScriptedHandler(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "refused"));
        using var invoker = new HttpMessageInvoker(new RetryHandler(new RetryOptions { RetryOnConnectionFailure = false }, _time) { InnerHandler = transport });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://users.test/v1beta1/accounts/A/users");

        await Should.ThrowAsync<HttpRequestException>(() => invoker.SendAsync(request, CancellationToken.None));
        transport.Calls.ShouldBe(1);
    }
}
