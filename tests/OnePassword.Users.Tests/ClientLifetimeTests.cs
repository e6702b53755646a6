using OnePassword.Users.Emulator;
using OnePassword.Users.Runtime;
using OnePassword.Users.Tests.Support;
using Shouldly;
using EmulatorRule = OnePassword.Users.Emulator.RateLimitRule;

namespace OnePassword.Users.Tests;

/// <summary>What disposing a client made by <c>Create()</c> does to its calls, against the emulator over loopback.</summary>
public sealed class ClientLifetimeTests
{
    [Fact]
    public async Task A_call_after_dispose_is_refused_before_it_reaches_the_server()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { Seed = EmulatorClients.Members(1), RateLimitingEnabled = false });
        var client = EmulatorClients.Create(emulator);
        await client.Accounts[emulator.DefaultAccountId].Users.GetAsync();
        await client.DisposeAsync();
        long requests = emulator.Statistics.TotalRequests;

        await Should.ThrowAsync<ObjectDisposedException>(() => client.Accounts[emulator.DefaultAccountId].Users.GetAsync());

        emulator.Statistics.TotalRequests.ShouldBe(requests);
    }

    [Fact]
    public async Task Disposing_the_client_ends_a_call_that_waits_out_a_Retry_After()
    {
        // One call a minute: the second call is answered 429 with a Retry-After of about a minute,
        // which the retry handler waits out (it is under MaxRetryAfter).
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            Seed = EmulatorClients.Members(1),
            RateLimits = [new EmulatorRule(1, TimeSpan.FromMinutes(1))],
        });
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = EmulatorClients.Create(emulator, o => o.Retry = new RetryOptions { OnRetry = _ => waiting.TrySetResult() });
        var users = client.Accounts[emulator.DefaultAccountId].Users;
        await users.GetAsync();
        Task<Models.ListUsersResponse> call = users.GetAsync();
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(20));

        client.Dispose();

        var failure = await Should.ThrowAsync<ObjectDisposedException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        failure.Message.ShouldContain($"GET {emulator.BaseUrl.AbsoluteUri.TrimEnd('/')}/v1beta1/accounts/{emulator.DefaultAccountId}/users");
        failure.Message.ShouldContain("the client was disposed while the call was waiting");
        emulator.Statistics.RateLimitedResponses.ShouldBe(1);
    }
}
