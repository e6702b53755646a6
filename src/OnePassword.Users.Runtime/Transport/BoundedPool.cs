using System.Collections.Concurrent;

namespace OnePassword.Users.Runtime;

/// <summary>
/// A pool of reusable objects bounded at enough for the calls in flight, not a cache that only
/// grows: what comes back beyond the bound is discarded. <see cref="TimeLimit"/> and
/// <see cref="CallDeadline"/> keep their cancellation sources in one each.
/// </summary>
/// <typeparam name="T">What is pooled.</typeparam>
internal sealed class BoundedPool<T>(Func<T> create, Action<T> discard)
    where T : class
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly int _capacity = Math.Max(16, Environment.ProcessorCount * 8);
    private int _count;

    public T Rent()
    {
        if (_items.TryDequeue(out T? item))
        {
            Interlocked.Decrement(ref _count);
            return item;
        }

        return create();
    }

    public void Return(T item)
    {
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
