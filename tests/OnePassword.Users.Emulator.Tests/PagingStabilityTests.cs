using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class PagingStabilityTests
{
    [Fact]
    public async Task Suspending_and_reactivating_between_pages_never_skips_or_repeats_a_user()
    {
        // 43 pages with three changes each exceed 100 requests a minute, which is not what this test is about.
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { RateLimitingEnabled = false });
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);
        var everyone = emulator.State.ListUsers(emulator.DefaultAccountId);
        var members = everyone.Where(user => user.Role == UserRole.Member).ToList();

        var seen = new List<string>();
        string? pageToken = null;
        var page = 0;
        do
        {
            using var response = await api.ListAsync(token, "?max_page_size=7" + (pageToken is null ? string.Empty : $"&page_token={pageToken}"));
            var result = await response.PageAsync();
            seen.AddRange(result.Ids);
            pageToken = result.NextPageToken;

            // Change users both behind and ahead of the cursor through the API itself.
            using (await api.SuspendAsync(token, members[(page * 11) % members.Count].Id))
            using (await api.ReactivateAsync(token, members[((page * 11) + 5) % members.Count].Id))
            using (await api.SuspendAsync(token, members[members.Count - 1 - (page % members.Count)].Id))
            {
            }

            page++;
        }
        while (pageToken is not null);

        seen.Count.ShouldBe(300);
        seen.Distinct().Count().ShouldBe(300);
        seen.ShouldBe(everyone.Select(user => user.Id));
        page.ShouldBe(43);
    }

    [Fact]
    public async Task A_filtered_listing_resumes_after_the_last_user_even_when_that_user_left_the_filter()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(emulator.DefaultClient);
        var suspended = emulator.State.ListUsers(emulator.DefaultAccountId).Where(user => user.State == UserState.Suspended).Select(user => user.Id).ToList();

        using var first = await api.ListAsync(token, "?filter=user.isSuspended()&max_page_size=10");
        var firstPage = await first.PageAsync();
        using (await api.ReactivateAsync(token, firstPage.Ids[^1]))
        {
        }

        using var second = await api.ListAsync(token, $"?filter=user.isSuspended()&max_page_size=10&page_token={firstPage.NextPageToken}");

        (await second.PageAsync()).Ids.ShouldBe(suspended.Skip(10).Take(10));
    }
}
