using System.Net;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using OnePassword.Users.Resilience.Tests.Infrastructure;
using OnePassword.Users.Runtime;
using Shouldly;

namespace OnePassword.Users.Resilience.Tests;

/// <summary>The retry handler against a real HTTP server on loopback, with time driven by a fake clock.</summary>
public sealed class RetryHandlerTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly ObservedTimeProvider _time = new(s_start);

    private static RetryOptions NoJitter => new() { UseJitter = false };

    private HttpClient ClientFor(LoopbackServer server, RetryOptions options) =>
        new(new RetryHandler(options, _time) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = server.BaseAddress };

    [Fact]
    public async Task Retries_503_with_exponential_backoff_until_200()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.With(503), Reply.With(503), Reply.Ok());
        using HttpClient client = ClientFor(server, NoJitter);

        Task<HttpResponseMessage> call = client.GetAsync(new Uri("v1beta1/accounts/A/users/U", UriKind.Relative));

        (await _time.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(1));
        server.Requests.Count.ShouldBe(1);
        _time.Advance(TimeSpan.FromSeconds(1));

        (await _time.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(2));
        server.Requests.Count.ShouldBe(2);
        _time.Advance(TimeSpan.FromSeconds(2));

        using HttpResponseMessage response = await Eventually.ResultAsync(call);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Waits_out_Retry_After_seconds_and_not_a_moment_less()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            _time, Reply.Status(429, 8, "rate limit exceeded", ("Retry-After", "3")), Reply.Ok());
        using HttpClient client = ClientFor(server, NoJitter);

        Task<HttpResponseMessage> call = client.GetAsync(new Uri("v1beta1/accounts/A/users", UriKind.Relative));

        (await _time.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(3));
        _time.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1));
        call.IsCompleted.ShouldBeFalse();
        server.Requests.Count.ShouldBe(1);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        using HttpResponseMessage response = await Eventually.ResultAsync(call);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests.Count.ShouldBe(2);
        server.Requests[1].ReceivedAt.ShouldBe(s_start + TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Waits_out_a_Retry_After_http_date_by_its_whole_distance()
    {
        // A local zone far from UTC, as a machine in India would have: the wait must not move.
        _time.Fake.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("IST", TimeSpan.FromHours(5.5), "IST", "IST"));
        string date = (s_start + TimeSpan.FromSeconds(125)).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            _time, Reply.Status(429, 8, "rate limit exceeded", ("Retry-After", date)), Reply.Ok());
        using HttpClient client = ClientFor(server, new RetryOptions { UseJitter = false, MaxRetryAfter = TimeSpan.FromMinutes(5) });

        Task<HttpResponseMessage> call = client.GetAsync(new Uri("v1beta1/accounts/A/users", UriKind.Relative));

        // Kiota 1.22.1 would wait 5 s here (the seconds component of 2 min 5 s).
        (await _time.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(125));
        _time.Advance(TimeSpan.FromSeconds(124));
        call.IsCompleted.ShouldBeFalse();
        server.Requests.Count.ShouldBe(1);

        _time.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage response = await Eventually.ResultAsync(call);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests[1].ReceivedAt.ShouldBe(s_start + TimeSpan.FromSeconds(125));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_returns_the_429_at_once_as_RateLimitedException()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            Reply.Status(429, 8, "rate limit exceeded", ("Retry-After", "600")), Reply.Ok());
        using HttpClient client = ClientFor(server, NoJitter);

        using HttpResponseMessage response = await Eventually.ResultAsync(client.GetAsync(new Uri("v1beta1/accounts/A/users", UriKind.Relative)));

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        _time.AnyTimerCreated.ShouldBeFalse();
        server.Requests.Count.ShouldBe(1);
        ApiErrorException error = await ApiErrorException.FromResponseAsync(response);
        RateLimitedException rateLimited = error.ShouldBeOfType<RateLimitedException>();
        rateLimited.RetryAfter.ShouldBe(TimeSpan.FromSeconds(600));
        rateLimited.RpcCode.ShouldBe(8);
        rateLimited.ResponseStatusCode.ShouldBe(429);
    }

    [Fact]
    public async Task Cancelling_stops_a_retry_wait_without_the_clock_moving()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.With(503, headers: ("Retry-After", "60")), Reply.Ok());
        using HttpClient client = ClientFor(server, NoJitter);
        using var cancellation = new CancellationTokenSource();

        Task<HttpResponseMessage> call = client.GetAsync(new Uri("v1beta1/accounts/A/users", UriKind.Relative), cancellation.Token);
        (await _time.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(60));
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => Eventually.ResultAsync(call));
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task When_retries_run_out_the_last_response_becomes_its_typed_exception()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(
            Reply.Status(503, 14, "unavailable 1"), Reply.Status(503, 14, "unavailable 2"), Reply.Status(503, 14, "unavailable 3"), Reply.Ok());
        using HttpClient client = ClientFor(server, new RetryOptions { UseJitter = false, MaxRetries = 2 });

        Task<HttpResponseMessage> call = client.GetAsync(new Uri("v1beta1/accounts/A/users", UriKind.Relative));
        _time.Advance(await _time.NextTimerAsync());
        _time.Advance(await _time.NextTimerAsync());
        using HttpResponseMessage response = await Eventually.ResultAsync(call);

        server.Requests.Count.ShouldBe(3);
        ApiErrorException error = await ApiErrorException.FromResponseAsync(response);
        error.ShouldBeOfType<ServerErrorException>().RpcMessage.ShouldBe("unavailable 3");
        error.RpcCode.ShouldBe(14);
    }

    [Fact]
    public async Task A_closed_connection_on_an_idempotent_operation_is_retried_and_then_succeeds()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.Abort(), Reply.Ok());
        using HttpClient client = ClientFor(server, NoJitter);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("v1beta1/accounts/A/users/U:suspend", UriKind.Relative));
        new ApiOperation("suspendUser", "POST", "/v1beta1/accounts/{account_id}/users/{user_id}:suspend", isIdempotent: true, changesState: true).ApplyTo(request);

        Task<HttpResponseMessage> call = client.SendAsync(request);
        (await _time.NextTimerAsync()).ShouldBe(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));
        using HttpResponseMessage response = await Eventually.ResultAsync(call);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_closed_connection_after_a_post_that_is_not_idempotent_is_not_sent_again()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.Abort(), Reply.Ok());
        using HttpClient client = ClientFor(server, NoJitter);

        Task<HttpResponseMessage> call = client.PostAsync(new Uri("v1beta1/accounts/A/orders", UriKind.Relative), content: null);

        await Should.ThrowAsync<HttpRequestException>(() => Eventually.ResultAsync(call));
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task When_connection_retries_run_out_the_last_failure_is_rethrown_as_is()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.Abort(), Reply.Abort(), Reply.Ok());
        using HttpClient client = ClientFor(server, new RetryOptions { UseJitter = false, MaxRetries = 1 });

        Task<HttpResponseMessage> call = client.GetAsync(new Uri("v1beta1/accounts/A/users", UriKind.Relative));
        _time.Advance(await _time.NextTimerAsync());

        await Should.ThrowAsync<HttpRequestException>(() => Eventually.ResultAsync(call));
        server.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task Statuses_that_retrying_cannot_fix_are_returned_after_one_attempt(int status)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.Status(status, 3, "no"), Reply.Ok());
        using HttpClient client = ClientFor(server, NoJitter);

        using HttpResponseMessage response = await Eventually.ResultAsync(client.GetAsync(new Uri("v1beta1/accounts/A/users", UriKind.Relative)));

        ((int)response.StatusCode).ShouldBe(status);
        server.Requests.Count.ShouldBe(1);
        _time.AnyTimerCreated.ShouldBeFalse();
    }

    [Fact]
    public async Task A_request_can_turn_retries_off()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.With(503), Reply.Ok());
        using HttpClient client = ClientFor(server, NoJitter);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("v1beta1/accounts/A/users", UriKind.Relative));
        RetryRequestOption.Disabled.ApplyTo(request);

        using HttpResponseMessage response = await Eventually.ResultAsync(client.SendAsync(request));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_Kiota_request_option_reaches_the_handler()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.With(503), Reply.Ok());
        using HttpClient client = ClientFor(server, NoJitter);
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: client) { BaseUrl = server.BaseAddress.ToString().TrimEnd('/') };
        var information = new RequestInformation(Method.GET, "{+baseurl}/v1beta1/accounts/A/users", new Dictionary<string, object>());
        information.AddRequestOptions([RetryRequestOption.Disabled]);
        using HttpRequestMessage request = (await adapter.ConvertToNativeRequestAsync<HttpRequestMessage>(information)).ShouldNotBeNull();

        using HttpResponseMessage response = await Eventually.ResultAsync(client.SendAsync(request));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Methods_left_out_of_RetryableMethods_are_not_retried()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.With(503), Reply.Ok());
        using HttpClient client = ClientFor(server, new RetryOptions { UseJitter = false, RetryableMethods = new HashSet<HttpMethod> { HttpMethod.Get } });

        using HttpResponseMessage response = await Eventually.ResultAsync(client.PostAsync(new Uri("v1beta1/accounts/A/users/U:suspend", UriKind.Relative), content: null));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_request_body_from_a_one_shot_stream_is_sent_again_on_retry()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Reply.With(503), Reply.Ok());
        using HttpClient client = ClientFor(server, NoJitter);
        using var content = new StreamContent(new OneShotStream("grant_type=client_credentials"u8.ToArray()));

        Task<HttpResponseMessage> call = client.PostAsync(new Uri("v1beta1/users/oauth2/token", UriKind.Relative), content);
        _time.Advance(await _time.NextTimerAsync());
        using HttpResponseMessage response = await Eventually.ResultAsync(call);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests.Select(request => request.Body).ShouldBe(["grant_type=client_credentials", "grant_type=client_credentials"]);
    }

    /// <summary>A stream that can be read once and not rewound, like a network or pipe stream.</summary>
    private sealed class OneShotStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        public override long Position { get => base.Position; set => throw new NotSupportedException(); }

        public override long Length => throw new NotSupportedException();
    }
}
