namespace OnePassword.Users.Runtime;

/// <summary>
/// The instants at which permits were granted, oldest first, in a fixed-size ring. Only the
/// most recent <c>capacity</c> entries can ever decide a grant (a rule with limit N looks at
/// the N-th most recent one), so older entries are overwritten.
/// </summary>
internal sealed class TimestampLog(int capacity)
{
    private readonly TimeSpan[] _items = new TimeSpan[capacity];
    private int _start;

    public int Count { get; private set; }

    /// <summary>The <paramref name="fromNewest"/>-th most recent entry; 0 is the newest.</summary>
    public TimeSpan FromNewest(int fromNewest) => _items[(_start + Count - 1 - fromNewest) % _items.Length];

    public void Add(TimeSpan timestamp)
    {
        if (Count == _items.Length)
        {
            _start = (_start + 1) % _items.Length;
            Count--;
        }

        _items[(_start + Count) % _items.Length] = timestamp;
        Count++;
    }
}
