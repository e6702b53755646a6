namespace OnePassword.Users.Resilience.Tests.Infrastructure;

/// <summary>
/// Waits for something another thread does (a continuation, a socket read). The bound only
/// stops a broken test from hanging; no test asserts how fast anything happens.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(20);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + s_bound;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(1);
        }
    }

    public static async Task<T> ResultAsync<T>(Task<T> task)
    {
        Task finished = await Task.WhenAny(task, Task.Delay(s_bound));
        return finished == task ? await task : throw new TimeoutException("The task did not finish.");
    }
}
