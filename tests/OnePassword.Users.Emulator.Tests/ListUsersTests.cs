using System.Net;
using System.Text;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class ListUsersTests(DefaultEmulatorFixture fixture) : IClassFixture<DefaultEmulatorFixture>
{
    private readonly UsersApiEmulator _emulator = fixture.Emulator;

    [Fact]
    public async Task The_default_page_holds_25_users_in_create_time_order_with_a_next_page_token()
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.ListAsync(await api.TokenAsync(_emulator.DefaultClient));

        var (ids, _, next) = await response.PageAsync();
        ids.ShouldBe(_emulator.State.ListUsers(_emulator.DefaultAccountId).Take(25).Select(user => user.Id));
        next.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Users_are_served_with_the_wire_shape_of_the_spec()
    {
        using var api = new ApiClient(_emulator);
        var first = _emulator.State.ListUsers(_emulator.DefaultAccountId)[0];

        using var response = await api.ListAsync(await api.TokenAsync(_emulator.DefaultClient), "?max_page_size=1");

        var user = (await response.JsonAsync()).GetProperty("results")[0];
        user.GetProperty("id").GetString().ShouldBe(first.Id);
        user.GetProperty("email").GetString().ShouldBe(first.Email);
        user.GetProperty("display_name").GetString().ShouldBe(first.DisplayName);
        user.GetProperty("state").GetString().ShouldBe("ACTIVE");
        user.GetProperty("create_time").GetString().ShouldBe("2021-03-01T08:00:00Z");
        user.GetProperty("path").GetString().ShouldBe($"accounts/{_emulator.DefaultAccountId}/users/{first.Id}");
        user.EnumerateObject().Count().ShouldBe(6);
    }

    [Theory]
    [InlineData("?filter=user.isActive()", "ACTIVE", 271)]
    [InlineData("?filter=user.isSuspended()", "SUSPENDED", 29)]
    public async Task A_filter_returns_only_users_in_that_state(string query, string state, int expectedCount)
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.ListAsync(await api.TokenAsync(_emulator.DefaultClient), query + "&max_page_size=1000");

        var (ids, states, next) = await response.PageAsync();
        ids.Count.ShouldBe(expectedCount);
        states.ShouldAllBe(served => served == state);
        next.ShouldBeNull();
    }

    [Theory]
    [InlineData("?filter=&max_page_size=1000")]
    [InlineData("?max_page_size=1000")]
    public async Task An_absent_or_empty_filter_returns_every_user(string query)
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.ListAsync(await api.TokenAsync(_emulator.DefaultClient), query);

        (await response.PageAsync()).Ids.Count.ShouldBe(300);
    }

    [Theory]
    [InlineData("?filter=user.isDeleted()")]
    [InlineData("?filter=USER.ISACTIVE()")]
    [InlineData("?filter=user.isActive()&filter=user.isSuspended()")]
    [InlineData("?max_page_size=0")]
    [InlineData("?max_page_size=1001")]
    [InlineData("?max_page_size=-5")]
    [InlineData("?max_page_size=ten")]
    [InlineData("?max_page_size=2.5")]
    [InlineData("?max_page_size=")]
    [InlineData("?page_token=garbage!!")]
    [InlineData("?page_token=CAIQAg")]
    public async Task Invalid_query_parameters_are_an_invalid_argument(string query)
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.ListAsync(await api.TokenAsync(_emulator.DefaultClient), query);

        await response.ShouldBeStatusAsync(HttpStatusCode.BadRequest, 3);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public async Task Page_sizes_at_the_bounds_are_accepted(int pageSize)
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.ListAsync(await api.TokenAsync(_emulator.DefaultClient), $"?max_page_size={pageSize}");

        (await response.PageAsync()).Ids.Count.ShouldBe(Math.Min(pageSize, 300));
    }

    [Fact]
    public async Task A_tampered_page_token_is_an_invalid_argument()
    {
        using var api = new ApiClient(_emulator);
        var token = await api.TokenAsync(_emulator.DefaultClient);
        using var first = await api.ListAsync(token, "?max_page_size=5");
        var pageToken = (await first.PageAsync()).NextPageToken!;

        // Flip one character in the middle, where the payload (the last user's key) lives.
        var chars = pageToken.ToCharArray();
        var middle = chars.Length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        using var tampered = await api.ListAsync(token, $"?max_page_size=5&page_token={new string(chars)}");

        (await tampered.ShouldBeStatusAsync(HttpStatusCode.BadRequest, 3)).ShouldContain("page_token");
    }

    [Fact]
    public async Task A_page_token_used_with_another_filter_is_an_invalid_argument()
    {
        using var api = new ApiClient(_emulator);
        var token = await api.TokenAsync(_emulator.DefaultClient);
        using var first = await api.ListAsync(token, "?filter=user.isActive()&max_page_size=5");
        var pageToken = (await first.PageAsync()).NextPageToken!;

        using var otherFilter = await api.ListAsync(token, $"?filter=user.isSuspended()&page_token={pageToken}");
        using var noFilter = await api.ListAsync(token, $"?page_token={pageToken}");
        using var sameFilter = await api.ListAsync(token, $"?filter=user.isActive()&page_token={pageToken}");

        await otherFilter.ShouldBeStatusAsync(HttpStatusCode.BadRequest, 3);
        await noFilter.ShouldBeStatusAsync(HttpStatusCode.BadRequest, 3);
        sameFilter.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Page_tokens_are_url_safe_base64()
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.ListAsync(await api.TokenAsync(_emulator.DefaultClient), "?max_page_size=3");

        var pageToken = (await response.PageAsync()).NextPageToken!;
        pageToken.ShouldMatch("^[A-Za-z0-9_-]+$");
        Should.NotThrow(() => Convert.FromBase64String(ToStandardBase64(pageToken)));
    }

    [Fact]
    public async Task Paging_to_the_end_returns_every_user_once_and_the_last_page_has_no_token()
    {
        using var api = new ApiClient(_emulator);
        var token = await api.TokenAsync(_emulator.DefaultClient);

        // 300 users in pages of 30 end with an exactly full page: it must still carry no token.
        var seen = new List<string>();
        string? pageToken = null;
        var pages = 0;
        do
        {
            using var response = await api.ListAsync(token, "?max_page_size=30" + (pageToken is null ? string.Empty : $"&page_token={pageToken}"));
            var page = await response.PageAsync();
            seen.AddRange(page.Ids);
            pageToken = page.NextPageToken;
            pages++;
        }
        while (pageToken is not null);

        pages.ShouldBe(10);
        seen.ShouldBe(_emulator.State.ListUsers(_emulator.DefaultAccountId).Select(user => user.Id));
    }

    [Fact]
    public async Task An_empty_account_answers_an_empty_results_array_without_a_token()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { Seed = new EmulatorSeed([]) });
        using var api = new ApiClient(emulator);

        using var response = await api.ListAsync(await api.TokenAsync(emulator.DefaultClient));

        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"results":[]}""");
    }

    private static string ToStandardBase64(string base64Url)
    {
        var builder = new StringBuilder(base64Url.Replace('-', '+').Replace('_', '/'));
        while (builder.Length % 4 != 0)
        {
            builder.Append('=');
        }

        return builder.ToString();
    }
}
