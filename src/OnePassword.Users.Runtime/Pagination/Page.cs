namespace OnePassword.Users.Runtime;

/// <summary>One page of a list: its items and the token of the next page.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page; empty when the server sent none.</param>
/// <param name="NextPageToken">The token of the next page; null on the last page. Persist it to resume later.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextPageToken);
