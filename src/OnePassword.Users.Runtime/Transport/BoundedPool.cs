using System.Collections.Concurrent;

namespace OnePassword.Users.Runtime;

/// <summary>
/// A pool of reusable objects bounded at enough for the calls in flight, not a cache that only
/// grows: what comes back beyond the bound is discarded. <see cref="TimeLimit"/> and
/// <see cref="CallDeadline"/> keep their cancellation sources in one each.
/// </summary>
/// <remarks>
/// Each thread first keeps one item of its own: a call rents and returns its deadline and its
/// attempt's limit on the thread it runs on, nearly always without waiting, so the shared queue
/// (two interlocked operations each way) is only reached when that slot is taken or empty. The
/// slot belongs to the type, so there is one pool per <typeparamref name="T"/>; the items a
/// thread keeps count against no bound, at most one per thread.
/// </remarks>
/// <typeparam name="T">What is pooled.</typeparam>
internal sealed class BoundedPool<T>(Func<T> create, Action<T> discard)
    where T : class
{
    [ThreadStatic]
    private static T? t_kept;

    private readonly ConcurrentQueue<T> _items = new();
    private readonly int _capacity = Math.Max(16, Environment.ProcessorCount * 8);
    private int _count;

    public T Rent()
    {
        T? kept = t_kept;
        if (kept is not null)
        {
            t_kept = null;
            return kept;
        }

        if (_items.TryDequeue(out T? item))
        {
            Interlocked.Decrement(ref _count);
            return item;
        }

        return create();
    }

    public void Return(T item)
    {
        if (t_kept is null)
        {
            t_kept = item;
            return;
        }

        if (Interlocked.Increment(ref _count) <= _capacity)
        {
            _items.Enqueue(item);
        }
        else
        {
            Interlocked.Decrement(ref _count);
            discard(item);
        }
    }
}
