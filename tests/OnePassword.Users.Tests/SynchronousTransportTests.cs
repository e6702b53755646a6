using System.Collections.Concurrent;
using System.Net;
using System.Text;
using OnePassword.Users.Runtime;
using Shouldly;

namespace OnePassword.Users.Tests;

/// <summary>
/// The pipeline when its transport answers at once, as an in-memory or caching transport does.
/// The handlers then hand on the task of the handler below instead of one of their own, and these
/// tests check that what a caller gets is still the final answer of the call: after a retry, after
/// a renewed token, and for an error. The emulator cannot stand in here: over loopback no answer
/// is ever synchronous, so this path would go untested.
/// </summary>
public sealed class SynchronousTransportTests
{
    private const string Account = "ACCOUNT123";
    private const string UserId = "IR7VJHJ36JHINBFAD7V2T5MP3E";

    [Fact]
    public async Task After_a_503_the_caller_gets_the_second_answer()
    {
        using var transport = new ScriptedTransport(Reply(HttpStatusCode.ServiceUnavailable, """{"code":14,"message":"try again"}"""), Reply(HttpStatusCode.OK, UserJson("second@example.com")));
        await using var client = Create(transport);

        var user = await client.Accounts[Account].Users[UserId].GetAsync();

        user.Email.ShouldBe("second@example.com");
        transport.ApiCalls.ShouldBe(2);
    }

    [Fact]
    public async Task After_a_401_the_caller_gets_the_answer_to_the_request_with_the_renewed_token()
    {
        using var transport = new ScriptedTransport(Reply(HttpStatusCode.Unauthorized, """{"code":16,"message":"expired"}"""), Reply(HttpStatusCode.OK, UserJson("renewed@example.com")));
        await using var client = Create(transport);

        var user = await client.Accounts[Account].Users[UserId].Suspend.PostAsync();

        user.Email.ShouldBe("renewed@example.com");
        transport.TokenRequests.ShouldBe(2);
        transport.Authorizations.ShouldBe(["Bearer token-1", "Bearer token-2"]);
    }

    [Fact]
    public async Task An_error_answered_at_once_keeps_its_status_code_and_body()
    {
        using var transport = new ScriptedTransport(Reply(HttpStatusCode.NotFound, """{"code":5,"message":"no such user"}"""));
        await using var client = Create(transport);

        var error = await Should.ThrowAsync<ApiErrorException>(() => client.Accounts[Account].Users[UserId].GetAsync());

        error.ResponseStatusCode.ShouldBe(404);
        error.RpcCode.ShouldBe(5);
        error.Message.ShouldContain("no such user");
    }

    [Fact]
    public async Task Calls_in_a_row_each_get_their_own_answer()
    {
        using var transport = new ScriptedTransport(Reply(HttpStatusCode.OK, UserJson("first@example.com")), Reply(HttpStatusCode.OK, UserJson("second@example.com")));
        await using var client = Create(transport);

        var first = await client.Accounts[Account].Users[UserId].GetAsync();
        var second = await client.Accounts[Account].Users[UserId].GetAsync();

        (first.Email, second.Email).ShouldBe(("first@example.com", "second@example.com"));
    }

    [Fact]
    public async Task Headers_answered_at_once_over_a_body_that_never_ends_still_end_at_the_attempt_limit()
    {
        // The attempt's timer is set before its first wait; here that is the body, not the send.
        using var transport = new ScriptedTransport(Reply(HttpStatusCode.OK, UserJson("never@example.com")) with { BodyNeverEnds = true });
        await using var client = UsersApiClient.Create(new ApiClientOptions
        {
            ClientId = "synchronous-client",
            ClientSecret = "synchronous-secret",
            BaseUrl = new Uri("https://api.1password.com/"),
            Transport = transport,
            Timeout = TimeSpan.FromMilliseconds(300),
            Retry = new RetryOptions { MaxRetries = 0 },
        });

        var failure = await Should.ThrowAsync<ApiTransportException>(() => client.Accounts[Account].Users[UserId].GetAsync().WaitAsync(TimeSpan.FromSeconds(20)));

        failure.Failure.ShouldBe(TransportFailure.Timeout);
        failure.Message.ShouldContain("ApiClientOptions.Timeout");
    }

    private static UsersApiClient Create(ScriptedTransport transport) => UsersApiClient.Create(new ApiClientOptions
    {
        ClientId = "synchronous-client",
        ClientSecret = "synchronous-secret",
        BaseUrl = new Uri("https://api.1password.com/"),
        Transport = transport,
        Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
    });

    private static string UserJson(string email) =>
        $$"""{"id":"{{UserId}}","email":"{{email}}","display_name":"A User","state":"ACTIVE","create_time":"2024-01-15T10:30:00Z","path":"accounts/{{Account}}/users/{{UserId}}"}""";

    private static ScriptedReply Reply(HttpStatusCode status, string json) => new(status, json);

    private sealed record ScriptedReply(HttpStatusCode Status, string Json)
    {
        /// <summary>The headers come at once, the body never: its stream waits until it is cancelled.</summary>
        public bool BodyNeverEnds { get; init; }
    }

    /// <summary>Answers the token endpoint with a new token each time, and API requests from a script, always synchronously.</summary>
    private sealed class ScriptedTransport(params ScriptedReply[] replies) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<ScriptedReply> _script = new(replies);
        private int _tokens;
        private int _apiCalls;

        public int TokenRequests => _tokens;

        public int ApiCalls => _apiCalls;

        public ConcurrentQueue<string> Authorizations { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/oauth2/token", StringComparison.Ordinal))
            {
                int token = Interlocked.Increment(ref _tokens);
                return Task.FromResult(Json(request, HttpStatusCode.OK, $$"""{"access_token":"token-{{token}}","token_type":"Bearer","expires_in":900}"""));
            }

            Interlocked.Increment(ref _apiCalls);
            Authorizations.Enqueue(request.Headers.Authorization?.ToString() ?? "(none)");
            ScriptedReply reply = _script.TryDequeue(out ScriptedReply? next) ? next : throw new InvalidOperationException("The script has no more answers.");
            return Task.FromResult(reply.BodyNeverEnds ? Endless(request, reply.Status) : Json(request, reply.Status, reply.Json));
        }

        private static HttpResponseMessage Endless(HttpRequestMessage request, HttpStatusCode status)
        {
            var content = new StreamContent(new EndlessStream());
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
        }

        private static HttpResponseMessage Json(HttpRequestMessage request, HttpStatusCode status, string json)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
        }
    }

    /// <summary>A body whose next byte never comes: every read waits until its token is cancelled.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Only asynchronous reads.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
