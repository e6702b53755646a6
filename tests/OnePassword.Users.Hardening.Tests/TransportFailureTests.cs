using System.Text;
using OnePassword.Users.Hardening.Tests.Support;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hardening.Tests;

/// <summary>Every transport failure is one documented exception with the request line; idempotent operations are retried first.</summary>
public sealed class TransportFailureTests
{
    private const string Token = "transport-token";

    private static RetryOptions QuickRetries(int maxRetries) => new() { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) };

    /// <summary>Sends the head and half the body, then resets the connection.</summary>
    private static async Task CutMidBody(HostileExchange exchange)
    {
        byte[] body = Encoding.UTF8.GetBytes(HostileApi.UserJson());
        await exchange.HeadAsync(200, ("Content-Type", "application/json"), ("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await exchange.WriteAsync(body[..(body.Length / 2)]);
        exchange.Reset();
    }

    [Fact]
    public async Task A_body_cut_mid_way_on_a_get_is_retried()
    {
        int calls = 0;
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, exchange =>
            Interlocked.Increment(ref calls) == 1 ? CutMidBody(exchange) : exchange.RespondAsync(200, HostileApi.UserJson())));
        await using var client = HostileApi.Create(api, options => options.Retry = QuickRetries(2));

        var user = await client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync();

        user.Id.ShouldBe(HostileApi.UserId);
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_body_cut_mid_way_on_suspend_is_retried_because_the_spec_marks_it_idempotent()
    {
        int calls = 0;
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, exchange =>
            Interlocked.Increment(ref calls) == 1 ? CutMidBody(exchange) : exchange.RespondAsync(200, HostileApi.UserJson())));
        await using var client = HostileApi.Create(api, options => options.Retry = QuickRetries(2));

        (await client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].Suspend.PostAsync()).Id.ShouldBe(HostileApi.UserId);
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_cut_that_outlasts_the_retries_is_an_ApiTransportException_naming_the_request()
    {
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, CutMidBody));
        await using var client = HostileApi.Create(api, options => options.Retry = QuickRetries(2));

        var failure = await Should.ThrowAsync<ApiTransportException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        failure.Failure.ShouldBe(TransportFailure.ResponseIncomplete);
        failure.Attempts.ShouldBe(3);
        failure.RequestMethod.ShouldBe("GET");
        failure.RequestUri.ShouldBe(new Uri(api.BaseAddress, HostileApi.UserPath.TrimStart('/')));
        failure.Message.ShouldBe($"GET {api.BaseAddress}v1beta1/accounts/ACCOUNT/users/USER: the connection broke while the response was read (after 3 attempts)");
        failure.InnerException.ShouldBeAssignableTo<IOException>();
    }

    [Fact]
    public async Task A_reset_before_any_response_is_an_ApiTransportException()
    {
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, exchange =>
        {
            exchange.Reset();
            return Task.CompletedTask;
        }));
        await using var client = HostileApi.Create(api);

        var failure = await Should.ThrowAsync<ApiTransportException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        failure.Failure.ShouldBe(TransportFailure.ResponseIncomplete);
        failure.Message.ShouldStartWith($"GET {api.BaseAddress}v1beta1/accounts/ACCOUNT/users/USER: ");
    }

    [Fact]
    public async Task A_refused_connection_is_retried_and_then_reported_with_every_attempt_counted()
    {
        int port = HostileServer.UnusedPort();

        await using var client = UsersApiClient.Create(new ApiClientOptions
        {
            ClientId = HostileApi.ClientId,
            ClientSecret = HostileApi.ClientSecret,
            BaseUrl = new Uri($"http://127.0.0.1:{port}/"),
            RateLimit = new RateLimitOptions { Enabled = false },
            Token = new TokenCacheOptions { MaxTokenRequestAttempts = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(10) },
        });

        var failure = await Should.ThrowAsync<ApiTransportException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        failure.Failure.ShouldBe(TransportFailure.ConnectionFailed);
        failure.RequestMethod.ShouldBe("POST");
        failure.RequestUri!.AbsolutePath.ShouldBe(HostileApi.TokenPath);
        failure.Attempts.ShouldBe(2);
        failure.Message.ShouldContain("could not connect");
    }

    [Fact]
    public async Task A_response_that_is_not_http_is_an_ApiTransportException()
    {
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, exchange => exchange.WriteAsync("SSH-2.0-OpenSSH_9.2\r\n\r\n")));
        await using var client = HostileApi.Create(api);

        var failure = await Should.ThrowAsync<ApiTransportException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        failure.Failure.ShouldBe(TransportFailure.InvalidResponse);
    }
}
