namespace OnePassword.Users.Emulator.Http;

/// <summary>One page of users. <c>next_page_token</c> is left out on the last page; <c>results</c> is always present, <c>[]</c> when empty.</summary>
internal sealed record ListUsersResponse(IReadOnlyList<UserResource> Results, string? NextPageToken);
