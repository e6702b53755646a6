using System.Globalization;

namespace OnePassword.Users.Benchmarks;

/// <summary>
/// Measures the live managed heap while 100,000 users are streamed, against a list that keeps
/// them: after every page a full collection leaves only what the enumeration still holds.
/// </summary>
internal static class PeakMemory
{
    public static async Task RunAsync(TextWriter output)
    {
        var client = PaginationBenchmarks.CreateClient();
        await OnePageLiveBytesAsync(client); // warm up: pools, caches and JIT are not pages
        var onePage = await OnePageLiveBytesAsync(client);

        long before = GC.GetTotalMemory(forceFullCollection: true);
        long streamingPeak = 0;
        var seen = 0;
        await foreach (var user in client.Accounts["A"].Users.ListAllAsync(pageSize: PaginationBenchmarks.PageSize))
        {
            if (++seen % PaginationBenchmarks.PageSize == 0)
            {
                streamingPeak = Math.Max(streamingPeak, GC.GetTotalMemory(forceFullCollection: true) - before);
            }

            GC.KeepAlive(user);
        }

        var kept = new List<Models.User>();
        long keepingPeak = 0;
        await foreach (var user in client.Accounts["A"].Users.ListAllAsync(pageSize: PaginationBenchmarks.PageSize))
        {
            kept.Add(user);
            if (kept.Count % PaginationBenchmarks.PageSize == 0)
            {
                keepingPeak = Math.Max(keepingPeak, GC.GetTotalMemory(forceFullCollection: true) - before);
            }
        }

        static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.00", CultureInfo.InvariantCulture) + " MB";
        output.WriteLine($"users streamed:                {seen}");
        output.WriteLine($"one page of {PaginationBenchmarks.PageSize} users (live):    {Mb(onePage)}");
        output.WriteLine($"peak live heap, streaming:     {Mb(streamingPeak)} ({(streamingPeak / (double)onePage).ToString("0.0", CultureInfo.InvariantCulture)} pages)");
        output.WriteLine($"peak live heap, keeping a list: {Mb(keepingPeak)} ({(keepingPeak / (double)onePage).ToString("0.0", CultureInfo.InvariantCulture)} pages)");
        GC.KeepAlive(kept);
    }

    /// <summary>The live bytes one page of users holds: the heap with it minus the heap before it.</summary>
    private static async Task<long> OnePageLiveBytesAsync(UsersApiClient client)
    {
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var page = await client.Accounts["A"].Users.GetAsync(q => q.QueryParameters.MaxPageSize = PaginationBenchmarks.PageSize);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(page);
        return after - before;
    }
}
