using OnePassword.Users.Emulator.State;

namespace OnePassword.Users.Emulator.Paging;

/// <summary>What a page token remembers: the account and filter it was issued for, and the last user returned.</summary>
internal readonly record struct PageTokenContent(string AccountId, UserState? Filter, UserOrderKey After);
