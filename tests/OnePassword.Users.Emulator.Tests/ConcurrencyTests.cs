using System.Net;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_suspends_reactivates_and_lists_keep_the_state_consistent()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { RateLimitingEnabled = false });
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);
        var account = emulator.DefaultAccountId;
        var owners = emulator.State.ListUsers(account).Where(user => user.Role == UserRole.Owner).Select(user => user.Id).ToList();
        var members = emulator.State.ListUsers(account).Where(user => user.Role == UserRole.Member).Select(user => user.Id).Take(20).ToList();

        // Owners race each other to be suspended: the last-owner rule must hold under contention.
        var calls = Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = (i % 5) switch
            {
                0 => await api.SuspendAsync(token, owners[i % owners.Count]),
                1 => await api.ListAsync(token, "?max_page_size=50"),
                2 => await api.ReactivateAsync(token, members[i % members.Count]),
                _ => await api.SuspendAsync(token, members[i % members.Count]),
            };
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Forbidden);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(calls);

        var users = emulator.State.ListUsers(account);
        users.Count.ShouldBe(300);
        users.Select(user => user.Id).Distinct().Count().ShouldBe(300);
        users.ShouldAllBe(user => user.State == UserState.Active || user.State == UserState.Suspended);
        (emulator.State.CountUsers(account, UserState.Active) + emulator.State.CountUsers(account, UserState.Suspended)).ShouldBe(300);
        users.Count(user => user.Role == UserRole.Owner && user.State == UserState.Active).ShouldBe(1);
        statuses.Count(status => status == HttpStatusCode.Forbidden).ShouldBeGreaterThan(0);
        emulator.Statistics.TotalRequests.ShouldBe(201);

        using var all = await api.ListAsync(token, "?max_page_size=1000");
        var page = await all.PageAsync();
        page.Ids.Count.ShouldBe(300);
        page.States.Count(state => state == "SUSPENDED").ShouldBe(emulator.State.CountUsers(account, UserState.Suspended));
    }

    [Fact]
    public async Task Concurrent_token_requests_each_get_a_distinct_working_token()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        using var api = new ApiClient(emulator);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => api.TokenAsync(emulator.DefaultClient)));

        tokens.Distinct().Count().ShouldBe(100);
        emulator.State.CountActiveTokens().ShouldBe(100);
        emulator.Statistics.TokensIssued.ShouldBe(100);
    }
}
