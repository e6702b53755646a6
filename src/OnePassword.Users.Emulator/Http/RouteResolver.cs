namespace OnePassword.Users.Emulator.Http;

/// <summary>
/// Routes on the raw, still percent-encoded request target. The colon of a custom method
/// (<c>{user_id}:suspend</c>) only counts when it is literal: an id holding <c>%3A</c> or
/// <c>%2F</c> is decoded afterwards and looked up as an id, never routed elsewhere.
/// </summary>
internal static class RouteResolver
{
    public static RouteMatch Resolve(string method, string rawPath)
    {
        var segments = rawPath.Split('/');
        if (segments.Length < 2 || segments[0].Length != 0 || segments[1] != "v1beta1")
        {
            return RouteMatch.None;
        }

        return segments[2..] switch
        {
            ["users", "oauth2", "token"] => Expect(method, HttpMethods.Post, new RouteMatch(EmulatorOperation.RequestAccessToken)),
            ["users", "oauth2", "revoke"] => Expect(method, HttpMethods.Post, new RouteMatch(EmulatorOperation.RevokeAccessToken)),
            ["accounts", var account, "users"] => UsersCollection(method, account),
            ["accounts", var account, "users", var user] => UserResource(method, account, user),
            _ => RouteMatch.None,
        };
    }

    private static RouteMatch UsersCollection(string method, string rawAccount) =>
        Decode(rawAccount) is { } account
            ? Expect(method, HttpMethods.Get, new RouteMatch(EmulatorOperation.ListUsers, account))
            : RouteMatch.None;

    private static RouteMatch UserResource(string method, string rawAccount, string rawUserSegment)
    {
        var colon = rawUserSegment.LastIndexOf(':');
        var rawUser = colon < 0 ? rawUserSegment : rawUserSegment[..colon];
        EmulatorOperation? operation = colon < 0
            ? EmulatorOperation.GetUser
            : rawUserSegment[(colon + 1)..] switch
            {
                "suspend" => EmulatorOperation.SuspendUser,
                "reactivate" => EmulatorOperation.ReactivateUser,
                _ => null,
            };
        if (operation is null || Decode(rawAccount) is not { } account || Decode(rawUser) is not { } user)
        {
            return RouteMatch.None;
        }

        var expected = operation == EmulatorOperation.GetUser ? HttpMethods.Get : HttpMethods.Post;
        return Expect(method, expected, new RouteMatch(operation, account, user));
    }

    private static RouteMatch Expect(string method, string expected, RouteMatch match) =>
        HttpMethods.Equals(method, expected) ? match : match with { Operation = null, AllowedMethod = expected };

    /// <summary>The percent-decoded segment, or <see langword="null"/> when it is empty (a path parameter is never empty).</summary>
    private static string? Decode(string rawSegment)
    {
        var decoded = Uri.UnescapeDataString(rawSegment);
        return decoded.Length == 0 ? null : decoded;
    }
}
