using OnePassword.Users.Hardening.Tests.Support;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hardening.Tests;

/// <summary>Paging holds bounded memory whatever the server's tokens look like.</summary>
[Collection(MeasuredAlone.Name)]
public sealed class PagingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_page_token_over_the_limit_stops_the_list_after_delivering_the_page()
    {
        var list = new Pageable<int>((token, _) => Task.FromResult(new Page<int>([token is null ? 1 : 2], new string('t', 60 * 1024))));
        var items = new List<int>();

        var stopped = await Should.ThrowAsync<PaginationException>(async () =>
        {
            await foreach (int item in list)
            {
                items.Add(item);
            }
        });

        items.ShouldBe([1]);
        stopped.Message.ShouldBe("The server returned a page token of 61440 characters, more than the limit of 8192; stopping.");
    }

    [Fact]
    public async Task A_repeated_token_is_caught_at_once_and_quoted_only_in_part()
    {
        string[] tokens = ["A", new string('B', 300), "A"];
        int calls = 0;
        var list = new Pageable<int>((_, _) => Task.FromResult(new Page<int>([calls], tokens[calls++])));

        var stopped = await Should.ThrowAsync<PaginationException>(async () =>
        {
            await foreach (int _ in list)
            {
            }
        });

        calls.ShouldBe(3);
        stopped.PageToken.ShouldBe("A");
        stopped.PagesRead.ShouldBe(3);
    }

    [Fact]
    public async Task Cycle_detection_keeps_a_fixed_size_per_page_however_large_the_tokens()
    {
        const int Pages = 2000;
        int calls = 0;
        var list = new Pageable<int>((_, _) =>
        {
            int page = calls++;
            return Task.FromResult(new Page<int>([page], page == Pages - 1 ? null : page.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + new string('x', 8000)));
        });
        long retained = 0;
        long before = GC.GetTotalMemory(forceFullCollection: true);

        await foreach (int page in list)
        {
            if (page == Pages - 2)
            {
                retained = GC.GetTotalMemory(forceFullCollection: true) - before;
            }
        }

        calls.ShouldBe(Pages);
        output.WriteLine($"{Pages} pages with 16 KB tokens: {retained / 1024.0:F0} KB retained by the list's cycle detection");

        // 2000 tokens of 16 KB each would be 32 MB; their 16-byte hashes are a few tens of KB.
        retained.ShouldBeLessThan(2 * 1024 * 1024);
    }
}
