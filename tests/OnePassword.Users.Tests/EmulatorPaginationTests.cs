using OnePassword.Users.Emulator;
using OnePassword.Users.Models;
using OnePassword.Users.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Tests;

/// <summary>The generated paginator against the emulator's real paging.</summary>
public sealed class EmulatorPaginationTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(9, 10)]
    [InlineData(10, 10)]
    [InlineData(95, 10)]
    public async Task Every_user_comes_once_over_the_right_number_of_pages(int members, int pageSize)
    {
        await using var session = await EmulatorSession.StartAsync(EmulatorClients.Members(members));
        var expected = members + 1; // and the owner

        var pages = await session.Users.ListPagesAsync(pageSize: pageSize).ToListAsync();
        var ids = pages.SelectMany(p => p.Items).Select(u => u.Id).ToList();

        ids.ShouldBe(session.AllIds, ignoreOrder: true);
        ids.Distinct().Count().ShouldBe(expected);
        pages.Count.ShouldBe((int)Math.Ceiling(expected / (double)pageSize), "a page that is exactly full ends the list without an extra request");
        pages[^1].NextPageToken.ShouldBeNull();
        session.Emulator.Statistics.RequestsFor(EmulatorOperation.ListUsers).ShouldBe(pages.Count);
    }

    [Fact]
    public async Task An_empty_account_gives_an_empty_sequence()
    {
        await using var session = await EmulatorSession.StartAsync(new EmulatorSeed([], [EmulatorOptions.DemoAccountId]));

        var users = await session.Users.ListAllAsync().ToListAsync();

        users.ShouldBeEmpty();
        session.Emulator.Statistics.RequestsFor(EmulatorOperation.ListUsers).ShouldBe(1);
    }

    [Fact]
    public async Task A_filter_returns_only_users_in_that_state()
    {
        await using var session = await EmulatorSession.StartAsync(EmulatorClients.Members(40, suspendedEvery: 4));

        var suspended = await session.Users.ListAllAsync(ListUsersFilter.Suspended, pageSize: 3).ToListAsync();
        var active = await session.Users.ListAllAsync(ListUsersFilter.Active, pageSize: 7).ToListAsync();

        suspended.Count.ShouldBe(10);
        suspended.ShouldAllBe(u => u.State == Models.UserState.Suspended);
        active.Count.ShouldBe(31);
        active.ShouldAllBe(u => u.State == Models.UserState.Active);
    }

    [Fact]
    public async Task A_job_can_stop_and_resume_from_a_saved_token()
    {
        await using var session = await EmulatorSession.StartAsync(EmulatorClients.Members(49));

        string? saved = null;
        var firstRun = new List<string>();
        await foreach (var page in session.Users.ListPagesAsync(pageSize: 10))
        {
            firstRun.AddRange(page.Items.Select(u => u.Id));
            saved = page.NextPageToken;
            if (firstRun.Count == 20)
            {
                break;
            }
        }

        var secondRun = new List<string>();
        await foreach (var page in session.Users.ListPagesAsync(pageSize: 10, pageToken: saved))
        {
            secondRun.AddRange(page.Items.Select(u => u.Id));
        }

        firstRun.Concat(secondRun).ShouldBe(session.AllIds, ignoreOrder: true);
        firstRun.Intersect(secondRun).ShouldBeEmpty();
    }

    [Fact]
    public async Task Users_suspended_between_pages_are_neither_skipped_nor_repeated()
    {
        await using var session = await EmulatorSession.StartAsync(EmulatorClients.Members(60));
        var all = session.AllIds;

        var seen = new List<string>();
        var suspensions = 0;
        await foreach (var user in session.Users.ListAllAsync(pageSize: 7))
        {
            seen.Add(user.Id);
            if (seen.Count % 7 == 0)
            {
                // Between page requests: suspend a user on a later page and one already seen.
                await session.Users[all[Math.Min(all.Count - 1, seen.Count + 3)]].Suspend.PostAsync();
                await session.Users[seen[suspensions + 1]].Suspend.PostAsync(); // seen[0] is the owner
                suspensions++;
            }
        }

        seen.ShouldBe(all, ignoreOrder: true);
        seen.Distinct().Count().ShouldBe(all.Count);
        suspensions.ShouldBeGreaterThan(5);
    }
}
