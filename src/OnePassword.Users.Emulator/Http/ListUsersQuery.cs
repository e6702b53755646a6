using System.Globalization;
using OnePassword.Users.Emulator.Paging;

namespace OnePassword.Users.Emulator.Http;

/// <summary>The validated query of a list request, or the InvalidArgument message that rejects it.</summary>
internal sealed record ListUsersQuery(UserState? Filter, int PageSize, PageTokenContent? Continuation)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 1000;

    public static ListUsersQuery? Parse(IQueryCollection query, string accountId, PageTokenCodec pageTokens, out string error)
    {
        error = string.Empty;
        if (!TryParseFilter(query["filter"], out var filter))
        {
            error = $"invalid filter: {query["filter"]}; use user.isActive() or user.isSuspended()";
            return null;
        }

        var pageSize = DefaultPageSize;
        var rawPageSize = query["max_page_size"];
        if (rawPageSize.Count > 0
            && (rawPageSize.Count > 1
                || !int.TryParse(rawPageSize[0], NumberStyles.None, CultureInfo.InvariantCulture, out pageSize)
                || pageSize is < 1 or > MaxPageSize))
        {
            error = $"invalid max_page_size: {rawPageSize}; it must be an integer from 1 to {MaxPageSize}";
            return null;
        }

        var rawToken = query["page_token"];
        if (rawToken.Count > 1)
        {
            error = "page_token may be given once";
            return null;
        }

        if (string.IsNullOrEmpty(rawToken.ToString()))
        {
            return new ListUsersQuery(filter, pageSize, null);
        }

        if (!pageTokens.TryDecode(rawToken.ToString(), out var continuation))
        {
            error = "invalid page_token";
            return null;
        }

        if (continuation.AccountId != accountId || continuation.Filter != filter)
        {
            // A token resumes one listing; reusing it with another filter would skip or repeat users.
            error = "page_token does not belong to this listing; repeat the account and filter of the request that returned it";
            return null;
        }

        return new ListUsersQuery(filter, pageSize, continuation);
    }

    private static bool TryParseFilter(Microsoft.Extensions.Primitives.StringValues raw, out UserState? filter)
    {
        filter = null;
        if (raw.Count > 1)
        {
            return false;
        }

        switch (raw.ToString())
        {
            case "":
                return true;
            case "user.isActive()":
                filter = UserState.Active;
                return true;
            case "user.isSuspended()":
                filter = UserState.Suspended;
                return true;
            default:
                return false;
        }
    }
}
