using System.Net;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class RevokeEndpointTests(DefaultEmulatorFixture fixture) : IClassFixture<DefaultEmulatorFixture>
{
    private readonly UsersApiEmulator _emulator = fixture.Emulator;

    [Fact]
    public async Task A_revoked_token_is_refused_by_the_users_endpoints()
    {
        using var api = new ApiClient(_emulator);
        var client = _emulator.DefaultClient;
        var token = await api.TokenAsync(client);
        using (var before = await api.ListAsync(token))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var revoke = await api.PostRevokeAsync(ApiClient.Basic(client.ClientId, client.ClientSecret), ("token", token));

        revoke.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await revoke.Content.ReadAsStringAsync()).ShouldBeEmpty();
        using var after = await api.ListAsync(token);
        await after.ShouldBeStatusAsync(HttpStatusCode.Unauthorized, 16);
        _emulator.State.Tokens.Single(issued => issued.AccessToken == token).Revoked.ShouldBeTrue();
    }

    [Fact]
    public async Task Revoking_an_unknown_or_already_revoked_token_still_answers_200()
    {
        using var api = new ApiClient(_emulator);
        var client = _emulator.DefaultClient;
        var credentials = ApiClient.Basic(client.ClientId, client.ClientSecret);
        var token = await api.TokenAsync(client);

        using var first = await api.PostRevokeAsync(credentials, ("token", token));
        using var again = await api.PostRevokeAsync(credentials, ("token", token));
        using var unknown = await api.PostRevokeAsync(credentials, ("token", "never-issued"));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_client_credentials_are_an_invalid_client()
    {
        using var api = new ApiClient(_emulator);
        var token = await api.TokenAsync(_emulator.DefaultClient);

        using var response = await api.PostRevokeAsync(ApiClient.Basic(_emulator.DefaultClient.ClientId, "wrong"), ("token", token));

        (await response.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized)).ShouldBe("invalid_client");
        _emulator.State.IsTokenActive(token).ShouldBeTrue();
    }

    [Fact]
    public async Task A_client_cannot_revoke_another_clients_token_but_is_not_told_so()
    {
        using var api = new ApiClient(_emulator);
        var other = _emulator.AddClient(_emulator.DefaultAccountId, EmulatorPermissions.ListUsers);
        var token = await api.TokenAsync(_emulator.DefaultClient);

        using var response = await api.PostRevokeAsync(ApiClient.Basic(other.ClientId, other.ClientSecret), ("token", token));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        _emulator.State.IsTokenActive(token).ShouldBeTrue();
        using var list = await api.ListAsync(token);
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_missing_token_field_is_an_invalid_request()
    {
        using var api = new ApiClient(_emulator);
        var client = _emulator.DefaultClient;

        using var response = await api.PostRevokeAsync(ApiClient.Basic(client.ClientId, client.ClientSecret), ("token_type_hint", "access_token"));

        (await response.ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest)).ShouldBe("invalid_request");
    }
}
