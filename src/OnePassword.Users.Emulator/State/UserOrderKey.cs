namespace OnePassword.Users.Emulator.State;

/// <summary>
/// The stable order of list results: creation time, then id. Neither changes when a user is
/// suspended or reactivated, so a page token holding the last key never skips or repeats users.
/// </summary>
internal readonly record struct UserOrderKey(long CreateTimeTicks, string Id) : IComparable<UserOrderKey>
{
    public static UserOrderKey Of(EmulatorUser user) => new(user.CreateTime.UtcTicks, user.Id);

    public int CompareTo(UserOrderKey other)
    {
        var byTime = CreateTimeTicks.CompareTo(other.CreateTimeTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(Id, other.Id);
    }
}
