namespace OnePassword.Users.Emulator.State;

/// <summary>The users of one account, indexed by id and kept in list order. Not thread-safe: <see cref="EmulatorState"/> guards it.</summary>
internal sealed class AccountUsers
{
    private readonly Dictionary<string, EmulatorUser> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emails = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<UserOrderKey> _order = [];

    public int Count => _byId.Count;

    public IEnumerable<EmulatorUser> InOrder => _order.Select(key => _byId[key.Id]);

    public bool TryGet(string userId, out EmulatorUser user) => _byId.TryGetValue(userId, out user!);

    public void Add(EmulatorUser user)
    {
        // Derived ids come from the email, so a duplicate email is checked first: it is the cause worth naming.
        if (_emails.Contains(user.Email))
        {
            throw new InvalidOperationException($"Account {user.AccountId} already has a user with email {user.Email}.");
        }

        if (_byId.ContainsKey(user.Id))
        {
            throw new InvalidOperationException($"Account {user.AccountId} already has a user with id {user.Id}.");
        }

        _emails.Add(user.Email);
        _byId.Add(user.Id, user);
        var key = UserOrderKey.Of(user);
        var index = _order.BinarySearch(key);
        _order.Insert(~index, key);
    }

    /// <summary>Replaces a user with a changed copy; the id and creation time, and so the order, stay the same.</summary>
    public void Replace(EmulatorUser user) => _byId[user.Id] = user;

    /// <summary>The users strictly after <paramref name="after"/> (or from the start), in list order.</summary>
    public IEnumerable<EmulatorUser> After(UserOrderKey? after)
    {
        var start = 0;
        if (after is { } key)
        {
            var index = _order.BinarySearch(key);
            start = index >= 0 ? index + 1 : ~index;
        }

        for (var i = start; i < _order.Count; i++)
        {
            yield return _byId[_order[i].Id];
        }
    }

    public int CountActiveOwners() => _byId.Values.Count(user => user.Role == UserRole.Owner && user.State == UserState.Active);
}
