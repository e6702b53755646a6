using System.Web;
using OnePassword.Users.Models;
using OnePassword.Users.Runtime;
using OnePassword.Users.Tests.Library;
using OnePassword.Users.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Tests;

/// <summary>Generated paginators over scripted pages on loopback: laziness, resume, loop and bound checks.</summary>
public sealed class PaginationTests : IAsyncLifetime
{
    private RecordingServer _server = null!;
    private UsersApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordingServer.StartAsync();
        _client = Clients.Plain(_server.BaseUrl);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string UsersPage(IEnumerable<string> ids, string? next) =>
        "{\"results\":[" + string.Join(",", ids.Select(id => $"{{\"id\":\"{id}\",\"email\":\"{id}@example.com\"}}")) + "]"
        + (next is null ? string.Empty : $",\"next_page_token\":\"{next}\"") + "}";

    private static string? Query(RecordedRequest request, string name) =>
        HttpUtility.ParseQueryString(new Uri("http://x" + request.RawTarget).Query)[name];

    private void ServePages(int pageCount, int pageSize = 2, string? lastToken = null)
    {
        _server.Respond = request =>
        {
            var page = Query(request, "page_token") is { } token ? int.Parse(token[1..], System.Globalization.CultureInfo.InvariantCulture) : 0;
            var ids = Enumerable.Range(page * pageSize, pageSize).Select(i => "U" + i);
            var next = page + 1 < pageCount ? "p" + (page + 1) : lastToken;
            return (200, UsersPage(ids, next), "application/json");
        };
    }

    [Fact]
    public async Task ListAllAsync_streams_every_item_fetching_pages_lazily()
    {
        ServePages(pageCount: 3);

        var seen = new List<string>();
        await foreach (var user in _client.Accounts["A"].Users.ListAllAsync(ListUsersFilter.Active, pageSize: 2))
        {
            seen.Add(user.Id);
            _server.Requests.Count.ShouldBe(1 + ((seen.Count - 1) / 2), "a page is fetched only when the enumeration reaches it");
        }

        seen.ShouldBe(["U0", "U1", "U2", "U3", "U4", "U5"]);
        _server.Requests.Select(r => r.RawTarget).ShouldBe([
            "/v1beta1/accounts/A/users?filter=user.isActive%28%29&max_page_size=2",
            "/v1beta1/accounts/A/users?filter=user.isActive%28%29&max_page_size=2&page_token=p1",
            "/v1beta1/accounts/A/users?filter=user.isActive%28%29&max_page_size=2&page_token=p2",
        ]);
    }

    [Fact]
    public async Task An_empty_list_and_an_empty_next_token_both_end_the_sequence()
    {
        _server.Respond = _ => (200, "{\"next_page_token\":\"\"}", "application/json");

        var users = await _client.Accounts["A"].Users.ListAllAsync().ToListAsync();

        users.ShouldBeEmpty();
        _server.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Pages_expose_items_and_tokens_and_resume_from_a_saved_token()
    {
        ServePages(pageCount: 4);

        var first = await _client.Accounts["A"].Users.ListPagesAsync(pageSize: 2).FirstAsync();
        first.Items.Select(u => u.Id).ShouldBe(["U0", "U1"]);
        first.NextPageToken.ShouldBe("p1");

        var resumed = await _client.Accounts["A"].Users.ListPagesAsync(pageSize: 2, pageToken: "p2").ToListAsync();

        resumed.SelectMany(p => p.Items).Select(u => u.Id).ShouldBe(["U4", "U5", "U6", "U7"]);
        resumed[^1].NextPageToken.ShouldBeNull();
    }

    [Fact]
    public async Task A_server_that_repeats_a_token_ends_with_a_clear_exception()
    {
        _server.Respond = _ => (200, UsersPage(["U0"], "same"), "application/json");

        var exception = await Should.ThrowAsync<PaginationException>(async () =>
        {
            await foreach (var user in _client.Accounts["A"].Users.ListAllAsync())
            {
                _ = user;
            }
        });

        exception.PageToken.ShouldBe("same");
        exception.Message.ShouldContain("a second time");
        _server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_list_past_the_page_bound_ends_with_a_clear_exception()
    {
        var counter = 0;
        _server.Respond = _ => (200, UsersPage(["U"], "t" + Interlocked.Increment(ref counter)), "application/json");
        var pageable = new Pageable<User>(
            async (token, ct) => (await _client.Accounts["A"].Users.ListPagesAsync(pageToken: token, cancellationToken: ct).FirstAsync(ct)),
            maxPages: 5);

        var exception = await Should.ThrowAsync<PaginationException>(async () => await pageable.ToListAsync());

        exception.PagesRead.ShouldBe(5);
        _server.Requests.Count.ShouldBe(5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void A_page_size_outside_the_spec_bounds_fails_at_the_call_before_any_request(int size)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => _client.Accounts["A"].Users.ListAllAsync(pageSize: size)).ParamName.ShouldBe("pageSize");
        Should.Throw<ArgumentOutOfRangeException>(() => _client.Accounts["A"].Users.ListPagesAsync(pageSize: size)).ParamName.ShouldBe("pageSize");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancellation_stops_between_pages()
    {
        ServePages(pageCount: 10);
        using var cancellation = new CancellationTokenSource();

        var seen = 0;
        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var user in _client.Accounts["A"].Users.ListAllAsync(pageSize: 2, cancellationToken: cancellation.Token))
            {
                if (++seen == 3)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        _server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Cancellation_stops_a_page_request_in_flight()
    {
        var release = new TaskCompletionSource();
        _server.Respond = _ =>
        {
            release.Task.Wait(TimeSpan.FromSeconds(10));
            return (200, UsersPage(["U0"], null), "application/json");
        };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(async () => await _client.Accounts["A"].Users.ListAllAsync().ToListAsync(cancellation.Token));
        release.SetResult();
    }

    [Fact]
    public async Task A_spec_with_other_names_declared_through_x_pagination_gets_its_own_paginator()
    {
        var library = new Library.LibraryClient(new Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter(
            new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider()) { BaseUrl = _server.BaseUrl.ToString().TrimEnd('/') });
        _server.Respond = request => Query(request, "cursor") switch
        {
            null => (200, """{"books":[{"isbn":"1","title":"A"},{"isbn":"2"}],"next_cursor":"c2","total":3}""", "application/json"),
            "c2" => (200, """{"books":[{"isbn":"3"}],"total":3}""", "application/json"),
            _ => (400, "{}", "application/json"),
        };

        var books = await library.Libraries["L 1"].Shelves["S/2"].ListBooks.ListAllAsync(genre: "poetry", pageSize: 50).ToListAsync();

        books.Select(b => b.Isbn).ShouldBe(["1", "2", "3"]);
        _server.Requests.Select(r => r.RawTarget).ShouldBe([
            "/v3/libraries/L%201/shelves/S%2F2:listBooks?genre=poetry&limit=50",
            "/v3/libraries/L%201/shelves/S%2F2:listBooks?genre=poetry&limit=50&cursor=c2",
        ]);
        Should.Throw<ArgumentOutOfRangeException>(() => library.Libraries["L"].Shelves["S"].ListBooks.ListAllAsync(pageSize: 51));
        typeof(LibrariesItemShelvesItemListBooksPaginationExtensions).IsPublic.ShouldBeFalse("the partner asked for internal types");
    }
}
