using System.Net;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

/// <summary>
/// Every operation and every documented error, sent through Prism validating against
/// openapi/users-api.yaml: if the emulator drifts from the spec (a renamed field, a wrong type, a
/// missing header, an undocumented status), Prism turns the response into a violation and the test fails.
/// </summary>
public sealed class SpecConformanceTests(ConformanceFixture fixture) : IClassFixture<ConformanceFixture>
{
    private readonly UsersApiEmulator _emulator = fixture.Emulator;

    private ApiClient ThroughPrism(string? accountId = null) => new(fixture.Prism.BaseUrl, accountId ?? _emulator.DefaultAccountId);

    [Fact]
    public async Task Token_responses_conform()
    {
        using var api = ThroughPrism();
        var credentials = ApiClient.Basic(_emulator.DefaultClient.ClientId, _emulator.DefaultClient.ClientSecret);

        await ExpectConformingAsync(api.PostTokenAsync(credentials, ("grant_type", "client_credentials"), ("scope", "openid")), HttpStatusCode.OK);
        await ExpectConformingAsync(api.PostTokenAsync(credentials, ("grant_type", "client_credentials")), HttpStatusCode.OK);
        await ExpectConformingAsync(api.PostTokenAsync(credentials, ("grant_type", "password")), HttpStatusCode.BadRequest);
        await ExpectConformingAsync(api.PostTokenAsync(credentials, ("grant_type", "client_credentials"), ("scope", "admin")), HttpStatusCode.BadRequest);
        await ExpectConformingAsync(api.PostTokenAsync(credentials), HttpStatusCode.BadRequest);
        await ExpectConformingAsync(
            api.PostTokenAsync(ApiClient.Basic(_emulator.DefaultClient.ClientId, "wrong"), ("grant_type", "client_credentials")),
            HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Revoke_responses_conform()
    {
        using var api = ThroughPrism();
        var client = _emulator.DefaultClient;
        var credentials = ApiClient.Basic(client.ClientId, client.ClientSecret);
        var token = await api.TokenAsync(client);

        await ExpectConformingAsync(api.PostRevokeAsync(credentials, ("token", token)), HttpStatusCode.OK);
        await ExpectConformingAsync(api.PostRevokeAsync(credentials, ("token", "unknown")), HttpStatusCode.OK);
        await ExpectConformingAsync(api.PostRevokeAsync(credentials), HttpStatusCode.BadRequest);
        await ExpectConformingAsync(api.PostRevokeAsync(ApiClient.Basic(client.ClientId, "wrong"), ("token", token)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task List_responses_conform_across_filters_pages_and_errors()
    {
        using var api = ThroughPrism();
        var token = await api.TokenAsync(_emulator.DefaultClient);

        using var first = await ExpectConformingAsync(api.ListAsync(token, "?filter=user.isActive()&max_page_size=5"), HttpStatusCode.OK);
        var next = (await first.PageAsync()).NextPageToken;
        next.ShouldNotBeNull();
        (await ExpectConformingAsync(api.ListAsync(token, $"?filter=user.isActive()&max_page_size=5&page_token={next}"), HttpStatusCode.OK)).Dispose();
        using var last = await ExpectConformingAsync(api.ListAsync(token, "?filter=user.isSuspended()&max_page_size=1000"), HttpStatusCode.OK);
        (await last.PageAsync()).NextPageToken.ShouldBeNull();
        (await ExpectConformingAsync(api.ListAsync(token), HttpStatusCode.OK)).Dispose();

        (await ExpectConformingAsync(api.ListAsync(token, "?filter=user.isDeleted()"), HttpStatusCode.BadRequest)).Dispose();
        (await ExpectConformingAsync(api.ListAsync(token, "?max_page_size=0"), HttpStatusCode.BadRequest)).Dispose();
        (await ExpectConformingAsync(api.ListAsync(token, "?page_token=tampered"), HttpStatusCode.BadRequest)).Dispose();
        (await ExpectConformingAsync(api.ListAsync("not-a-token"), HttpStatusCode.Unauthorized)).Dispose();
    }

    [Fact]
    public async Task An_empty_page_conforms()
    {
        _emulator.State.AddAccount("EMPTYACCOUNT");
        var client = _emulator.AddClient("EMPTYACCOUNT", EmulatorPermissions.All);
        using var api = ThroughPrism("EMPTYACCOUNT");

        using var response = await ExpectConformingAsync(api.ListAsync(await api.TokenAsync(client)), HttpStatusCode.OK);

        (await response.PageAsync()).Ids.ShouldBeEmpty();
    }

    [Fact]
    public async Task Permission_and_account_refusals_conform()
    {
        using var api = ThroughPrism();
        using var otherAccount = ThroughPrism("SOMEONEELSE");
        var getOnly = _emulator.AddClient(_emulator.DefaultAccountId, EmulatorPermissions.GetUser);
        var token = await api.TokenAsync(getOnly);
        var member = Member(UserState.Active);

        (await ExpectConformingAsync(api.ListAsync(token), HttpStatusCode.Forbidden)).Dispose();
        (await ExpectConformingAsync(api.SuspendAsync(token, member.Id), HttpStatusCode.Forbidden)).Dispose();
        (await ExpectConformingAsync(api.ReactivateAsync(token, member.Id), HttpStatusCode.Forbidden)).Dispose();
        (await ExpectConformingAsync(otherAccount.GetAsync(token, member.Id), HttpStatusCode.Forbidden)).Dispose();
    }

    [Fact]
    public async Task Get_suspend_and_reactivate_responses_conform()
    {
        using var api = ThroughPrism();
        var token = await api.TokenAsync(_emulator.DefaultClient);
        var member = Member(UserState.Active);

        (await ExpectConformingAsync(api.GetAsync(token, member.Id), HttpStatusCode.OK)).Dispose();
        (await ExpectConformingAsync(api.GetAsync(token, "NOSUCHUSER"), HttpStatusCode.NotFound)).Dispose();
        (await ExpectConformingAsync(api.SuspendAsync(token, member.Id), HttpStatusCode.OK)).Dispose();
        (await ExpectConformingAsync(api.SuspendAsync(token, "NOSUCHUSER"), HttpStatusCode.NotFound)).Dispose();
        (await ExpectConformingAsync(api.ReactivateAsync(token, member.Id), HttpStatusCode.OK)).Dispose();
        (await ExpectConformingAsync(api.ReactivateAsync(token, "NOSUCHUSER"), HttpStatusCode.NotFound)).Dispose();
    }

    [Fact]
    public async Task Suspension_refusals_conform()
    {
        using var api = ThroughPrism();
        var token = await api.TokenAsync(_emulator.DefaultClient);
        var users = _emulator.State.ListUsers(_emulator.DefaultAccountId);
        var owners = users.Where(user => user.Role == UserRole.Owner).ToList();
        var externalAdmin = users.First(user => user.Role == UserRole.Admin && user.ExternallyManaged);

        (await ExpectConformingAsync(api.SuspendAsync(token, externalAdmin.Id), HttpStatusCode.Forbidden)).Dispose();
        (await ExpectConformingAsync(api.SuspendAsync(token, owners[0].Id), HttpStatusCode.OK)).Dispose();
        try
        {
            using var refused = await ExpectConformingAsync(api.SuspendAsync(token, owners[1].Id), HttpStatusCode.Forbidden);
            (await refused.Content.ReadAsStringAsync()).ShouldBe("""{"code":7,"message":"no_owner_remain","details":[]}""");
        }
        finally
        {
            _emulator.State.SetUserState(_emulator.DefaultAccountId, owners[0].Id, UserState.Active);
        }
    }

    [Fact]
    public async Task Rate_limited_responses_conform()
    {
        var client = _emulator.AddClient(_emulator.DefaultAccountId, EmulatorPermissions.All);
        using var direct = new ApiClient(_emulator);
        using var api = ThroughPrism();
        var token = await direct.TokenAsync(client);
        for (var i = 0; i < ConformanceFixture.MinuteLimit; i++)
        {
            using var allowed = await direct.ListAsync(token, "?max_page_size=1");
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var limited = await ExpectConformingAsync(api.ListAsync(token), HttpStatusCode.TooManyRequests);

        limited.Headers.RetryAfter.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_proxy_does_report_a_response_outside_the_spec()
    {
        // The negative control: the spec documents no 503 for the users endpoints, so Prism flags an
        // injected 503 in sl-violations, which ExpectConformingAsync treats as a failure. Without
        // this, a proxy that validated nothing would let every test above pass.
        var client = _emulator.AddClient(_emulator.DefaultAccountId, EmulatorPermissions.All);
        using var api = ThroughPrism();
        var token = await api.TokenAsync(client);
        _emulator.Faults.ErrorRate = 1.0;
        try
        {
            using var response = await api.ListAsync(token);

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Headers.TryGetValues("sl-violations", out var violations).ShouldBeTrue(fixture.Prism.Output);
            string.Join(' ', violations!).ShouldContain("Unable to match the returned status code");
        }
        finally
        {
            _emulator.Faults.Reset();
        }
    }

    private EmulatorUser Member(UserState state) =>
        _emulator.State.ListUsers(_emulator.DefaultAccountId).First(user => user.Role == UserRole.Member && user.State == state);

    private async Task<HttpResponseMessage> ExpectConformingAsync(Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        var response = await call;
        var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(' ', values) : null;
        var body = await response.Content.ReadAsStringAsync();
        violations.ShouldBeNull($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} broke the spec: {violations}\n{body}");
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/problem+json", $"Prism answered instead of the emulator: {body}");
        response.StatusCode.ShouldBe(expected, body);
        return response;
    }
}
