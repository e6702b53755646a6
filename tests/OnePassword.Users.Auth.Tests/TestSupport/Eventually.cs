using OnePassword.Users.Runtime;

namespace OnePassword.Users.Auth.Tests.TestSupport;

/// <summary>
/// Waits for something another thread does (a socket read, a continuation). The bound only stops
/// a broken test from hanging; no test asserts how fast anything happens.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(20);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + s_bound;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }

            await Task.Delay(1);
        }
    }

    public static async Task<T> Within<T>(Task<T> task)
    {
        Task finished = await Task.WhenAny(task, Task.Delay(s_bound));
        return finished == task ? await task : throw new TimeoutException("The task did not finish.");
    }

    /// <summary>Asks the provider until it serves <paramref name="expected"/>, as a background refresh lands.</summary>
    public static async Task TokenAsync(ClientCredentialsTokenProvider provider, string expected)
    {
        DateTime deadline = DateTime.UtcNow + s_bound;
        while ((await provider.GetTokenAsync()).Value != expected)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for the provider to serve {expected}.");
            }

            await Task.Delay(1);
        }
    }
}
