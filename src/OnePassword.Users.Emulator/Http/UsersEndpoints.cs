using OnePassword.Users.Emulator.Paging;
using OnePassword.Users.Emulator.State;

namespace OnePassword.Users.Emulator.Http;

/// <summary>The four users operations, run after <see cref="UsersRequestGate"/> let the request through.</summary>
internal static class UsersEndpoints
{
    public static async Task HandleAsync(HttpContext context, EmulatorRuntime runtime, RouteMatch route)
    {
        if (await UsersRequestGate.PassAsync(context, runtime).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        // A token only reaches its own account. Another account is PermissionDenied whether or not it
        // exists, so the answer reveals nothing about other accounts.
        if (route.AccountId != caller.Token.AccountId)
        {
            await ApiResponses.WriteStatusAsync(context, GrpcCode.PermissionDenied, $"permission denied: the access token is not valid for account {route.AccountId}").ConfigureAwait(false);
            return;
        }

        var operation = route.Operation!.Value;
        var required = RequiredPermission(operation);
        if ((caller.Client.Permissions & required) != required)
        {
            await ApiResponses.WriteStatusAsync(context, GrpcCode.PermissionDenied, $"permission denied: the OAuth application lacks the {required} permission").ConfigureAwait(false);
            return;
        }

        var task = operation switch
        {
            EmulatorOperation.ListUsers => ListAsync(context, runtime, route.AccountId),
            EmulatorOperation.GetUser => GetAsync(context, runtime, route),
            EmulatorOperation.SuspendUser => ChangeStateAsync(context, runtime.State.Suspend(route.AccountId, route.UserId)),
            _ => ChangeStateAsync(context, runtime.State.Reactivate(route.AccountId, route.UserId)),
        };
        await task.ConfigureAwait(false);
    }

    private static EmulatorPermissions RequiredPermission(EmulatorOperation operation) => operation switch
    {
        EmulatorOperation.ListUsers => EmulatorPermissions.ListUsers,
        EmulatorOperation.GetUser => EmulatorPermissions.GetUser,
        EmulatorOperation.SuspendUser => EmulatorPermissions.SuspendUsers,
        EmulatorOperation.ReactivateUser => EmulatorPermissions.ReactivateUsers,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a users operation."),
    };

    private static async Task ListAsync(HttpContext context, EmulatorRuntime runtime, string accountId)
    {
        if (ListUsersQuery.Parse(context.Request.Query, accountId, runtime.PageTokens, out var error) is not { } query)
        {
            await ApiResponses.WriteStatusAsync(context, GrpcCode.InvalidArgument, error).ConfigureAwait(false);
            return;
        }

        var (page, hasMore) = runtime.State.ListPage(accountId, query.Filter, query.Continuation?.After, query.PageSize);
        var nextPageToken = hasMore
            ? runtime.PageTokens.Encode(new PageTokenContent(accountId, query.Filter, UserOrderKey.Of(page[^1])))
            : null;
        var body = new ListUsersResponse([.. page.Select(UserResource.From)], nextPageToken);
        await ApiResponses.WriteJsonAsync(context, StatusCodes.Status200OK, body, EmulatorJsonContext.Default.ListUsersResponse).ConfigureAwait(false);
    }

    private static Task GetAsync(HttpContext context, EmulatorRuntime runtime, RouteMatch route) =>
        runtime.State.GetUser(route.AccountId, route.UserId) is { } user
            ? WriteUserAsync(context, user)
            : ApiResponses.WriteStatusAsync(context, GrpcCode.NotFound, "user not found");

    private static Task ChangeStateAsync(HttpContext context, StateChange change) => change.Outcome switch
    {
        StateChangeOutcome.Applied => WriteUserAsync(context, change.User!),
        StateChangeOutcome.NotFound => ApiResponses.WriteStatusAsync(context, GrpcCode.NotFound, "user not found"),

        // The exact body a partner observed from the real API.
        StateChangeOutcome.LastOwner => ApiResponses.WriteStatusAsync(context, GrpcCode.PermissionDenied, "no_owner_remain"),
        _ => ApiResponses.WriteStatusAsync(context, GrpcCode.PermissionDenied, "externally managed administrators cannot be suspended through the Users API"),
    };

    private static Task WriteUserAsync(HttpContext context, EmulatorUser user) =>
        ApiResponses.WriteJsonAsync(context, StatusCodes.Status200OK, UserResource.From(user), EmulatorJsonContext.Default.UserResource);
}
