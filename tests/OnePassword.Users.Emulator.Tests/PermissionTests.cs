using System.Net;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class PermissionTests
{
    public static TheoryData<EmulatorPermissions, string> Operations => new()
    {
        { EmulatorPermissions.ListUsers, "list" },
        { EmulatorPermissions.GetUser, "get" },
        { EmulatorPermissions.SuspendUsers, "suspend" },
        { EmulatorPermissions.ReactivateUsers, "reactivate" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_operation_needs_its_own_permission(EmulatorPermissions permission, string operation)
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        var member = emulator.State.ListUsers(emulator.DefaultAccountId).First(user => user.Role == UserRole.Member && user.State == UserState.Active);
        var without = emulator.AddClient(emulator.DefaultAccountId, EmulatorPermissions.All & ~permission);
        var only = emulator.AddClient(emulator.DefaultAccountId, permission);
        using var api = new ApiClient(emulator);

        using var refused = await CallAsync(api, await api.TokenAsync(without), operation, member.Id);
        var message = await refused.ShouldBeStatusAsync(HttpStatusCode.Forbidden, 7);
        message.ShouldStartWith("permission denied");
        emulator.State.GetUser(emulator.DefaultAccountId, member.Id)!.State.ShouldBe(UserState.Active);

        using var allowed = await CallAsync(api, await api.TokenAsync(only), operation, member.Id);
        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_client_without_permissions_can_still_get_a_token_but_call_nothing()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        var powerless = emulator.AddClient(emulator.DefaultAccountId, EmulatorPermissions.None);
        using var api = new ApiClient(emulator);
        var token = await api.TokenAsync(powerless);

        using var response = await api.ListAsync(token);

        await response.ShouldBeStatusAsync(HttpStatusCode.Forbidden, 7);
    }

    private static Task<HttpResponseMessage> CallAsync(ApiClient api, string token, string operation, string userId) => operation switch
    {
        "list" => api.ListAsync(token),
        "get" => api.GetAsync(token, userId),
        "suspend" => api.SuspendAsync(token, userId),
        _ => api.ReactivateAsync(token, userId),
    };
}
