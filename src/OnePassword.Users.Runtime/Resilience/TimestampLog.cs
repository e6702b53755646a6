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
    public TimeSpan FromNewest(int fromNewest) => _items[Wrap(_start + Count - 1 - fromNewest)];

    public void Add(TimeSpan timestamp)
    {
        if (Count == _items.Length)
        {
            _start = Wrap(_start + 1);
            Count--;
        }

        _items[Wrap(_start + Count)] = timestamp;
        Count++;
    }

    // Every index above is below twice the capacity, so one subtraction wraps it. A remainder
    // would divide by the capacity three times per permit, under the limiter's lock.
    private int Wrap(int index) => index >= _items.Length ? index - _items.Length : index;
}
