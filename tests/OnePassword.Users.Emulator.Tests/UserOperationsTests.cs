using System.Net;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class UserOperationsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2024, 1, 15, 10, 30, 0, TimeSpan.Zero);

    private UsersApiEmulator _emulator = null!;
    private ApiClient _api = null!;
    private string _token = null!;
    private EmulatorUser _owner = null!;
    private EmulatorUser _secondOwner = null!;
    private EmulatorUser _externalAdmin = null!;
    private EmulatorUser _member = null!;

    public async Task InitializeAsync()
    {
        _emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { Seed = new EmulatorSeed([]) });
        var account = _emulator.DefaultAccountId;
        _owner = _emulator.State.AddUser(account, "wendy.appleseed@example.com", "Wendy Appleseed", UserRole.Owner, createTime: Created, id: "IR7VJHJ36JHINBFAD7V2T5MP3E");
        _secondOwner = _emulator.State.AddUser(account, "riley.smith@example.com", "Riley Smith", UserRole.Owner, createTime: Created.AddDays(1));
        _externalAdmin = _emulator.State.AddUser(account, "idp.admin@example.com", "IdP Admin", UserRole.Admin, externallyManaged: true, createTime: Created.AddDays(2));
        _member = _emulator.State.AddUser(account, "member@example.com", "Member", createTime: Created.AddDays(3));
        _api = new ApiClient(_emulator);
        _token = await _api.TokenAsync(_emulator.DefaultClient);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Get_returns_the_user_exactly_as_the_documentation_shows_it()
    {
        using var response = await _api.GetAsync(_token, _owner.Id);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(
            $$"""{"id":"IR7VJHJ36JHINBFAD7V2T5MP3E","email":"wendy.appleseed@example.com","display_name":"Wendy Appleseed","state":"ACTIVE","create_time":"2024-01-15T10:30:00Z","path":"accounts/{{_emulator.DefaultAccountId}}/users/IR7VJHJ36JHINBFAD7V2T5MP3E"}""");
    }

    [Fact]
    public async Task Unknown_users_are_not_found_for_every_operation()
    {
        using var get = await _api.GetAsync(_token, "NOSUCHUSER");
        using var suspend = await _api.SuspendAsync(_token, "NOSUCHUSER");
        using var reactivate = await _api.ReactivateAsync(_token, "NOSUCHUSER");

        await get.ShouldBeStatusAsync(HttpStatusCode.NotFound, 5);
        await suspend.ShouldBeStatusAsync(HttpStatusCode.NotFound, 5);
        await reactivate.ShouldBeStatusAsync(HttpStatusCode.NotFound, 5);
    }

    [Fact]
    public async Task Suspend_and_reactivate_answer_the_updated_user_and_are_idempotent()
    {
        using var suspended = await _api.SuspendAsync(_token, _member.Id);
        using var suspendedAgain = await _api.SuspendAsync(_token, _member.Id);

        (await suspended.JsonAsync()).GetProperty("state").GetString().ShouldBe("SUSPENDED");
        (await suspendedAgain.JsonAsync()).GetProperty("state").GetString().ShouldBe("SUSPENDED");
        _emulator.State.GetUser(_emulator.DefaultAccountId, _member.Id)!.State.ShouldBe(UserState.Suspended);

        using var reactivated = await _api.ReactivateAsync(_token, _member.Id);
        using var reactivatedAgain = await _api.ReactivateAsync(_token, _member.Id);

        (await reactivated.JsonAsync()).GetProperty("state").GetString().ShouldBe("ACTIVE");
        (await reactivatedAgain.JsonAsync()).GetProperty("state").GetString().ShouldBe("ACTIVE");
        _emulator.State.GetUser(_emulator.DefaultAccountId, _member.Id)!.State.ShouldBe(UserState.Active);
    }

    [Fact]
    public async Task Suspending_the_last_active_owner_is_refused_with_the_observed_body()
    {
        using var first = await _api.SuspendAsync(_token, _secondOwner.Id);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var last = await _api.SuspendAsync(_token, _owner.Id);

        last.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        last.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await last.Content.ReadAsStringAsync()).ShouldBe("""{"code":7,"message":"no_owner_remain","details":[]}""");
        _emulator.State.GetUser(_emulator.DefaultAccountId, _owner.Id)!.State.ShouldBe(UserState.Active);
    }

    [Fact]
    public async Task An_owner_can_be_suspended_again_after_another_owner_is_reactivated()
    {
        using (await _api.SuspendAsync(_token, _secondOwner.Id))
        using (await _api.ReactivateAsync(_token, _secondOwner.Id))
        {
        }

        using var response = await _api.SuspendAsync(_token, _owner.Id);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Suspending_an_externally_managed_admin_is_refused_and_changes_nothing()
    {
        using var response = await _api.SuspendAsync(_token, _externalAdmin.Id);

        (await response.ShouldBeStatusAsync(HttpStatusCode.Forbidden, 7)).ShouldContain("externally managed");
        _emulator.State.GetUser(_emulator.DefaultAccountId, _externalAdmin.Id)!.State.ShouldBe(UserState.Active);
    }

    [Theory]
    [InlineData("%3Asuspend")]
    [InlineData("x%3Asuspend")]
    [InlineData("x%2Fy")]
    [InlineData("x%2F..%2F..%2Fusers")]
    [InlineData("%20")]
    public async Task Percent_encoded_ids_are_looked_up_as_ids_and_not_routed_elsewhere(string encodedId)
    {
        using var get = await _api.SendAsync(HttpMethod.Get, $"{_api.UsersPath}/{encodedId}", _token);
        using var suspend = await _api.SendAsync(HttpMethod.Post, $"{_api.UsersPath}/{encodedId}:suspend", _token);

        await get.ShouldBeStatusAsync(HttpStatusCode.NotFound, 5);
        await suspend.ShouldBeStatusAsync(HttpStatusCode.NotFound, 5);
        _emulator.State.CountUsers(_emulator.DefaultAccountId, UserState.Suspended).ShouldBe(0);
    }

    [Fact]
    public async Task An_id_holding_reserved_characters_is_found_when_percent_encoded()
    {
        var odd = _emulator.State.AddUser(_emulator.DefaultAccountId, "odd@example.com", "Odd Id", id: "odd:id/with?chars");

        using var response = await _api.SuspendAsync(_token, Uri.EscapeDataString(odd.Id));

        (await response.JsonAsync()).GetProperty("id").GetString().ShouldBe(odd.Id);
        _emulator.State.GetUser(_emulator.DefaultAccountId, odd.Id)!.State.ShouldBe(UserState.Suspended);
    }
}
