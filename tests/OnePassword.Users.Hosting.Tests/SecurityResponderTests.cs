using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OnePassword.Users.Emulator;
using SecurityResponder;

namespace OnePassword.Users.Hosting.Tests;

/// <summary>The sample responder over real HTTP on loopback, against the emulator: from the alert to the suspended user and the audit line.</summary>
public sealed class SecurityResponderTests : IAsyncLifetime
{
    private const string WebhookSecret = "siem-shared-secret-0123456789";
    private readonly string _auditLog = Path.Combine(Path.GetTempPath(), $"responder-audit-{Guid.NewGuid():N}.jsonl");
    private UsersApiEmulator _emulator = null!;
    private WebApplication _app = null!;
    private HttpClient _siem = null!;

    public async Task InitializeAsync()
    {
        _emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            Seed = new EmulatorSeed([new SeedUser("owner@example.com", "Owner", UserRole.Owner), new SeedUser("alice@example.com", "Alice")]),
        });
        _app = ResponderApp.Build(
        [
            "--urls", "http://127.0.0.1:0",
            $"--OnePasswordUsers:ClientId={_emulator.DefaultClient.ClientId}",
            $"--OnePasswordUsers:ClientSecret={_emulator.DefaultClient.ClientSecret}",
            $"--OnePasswordUsers:BaseUrl={_emulator.BaseUrl}",
            $"--Responder:AccountId={_emulator.DefaultAccountId}",
            $"--Responder:WebhookSecret={WebhookSecret}",
            $"--Responder:AuditLog={_auditLog}",
        ]);
        await _app.StartAsync();
        string address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _siem = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        _siem.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _emulator.DisposeAsync();
        File.Delete(_auditLog);
    }

    private string[] AuditLines() => File.Exists(_auditLog) ? File.ReadAllLines(_auditLog) : [];

    private EmulatorUser User(string email) => _emulator.State.ListUsers(_emulator.DefaultAccountId).Single(user => user.Email == email);

    private Task<HttpResponseMessage> PostAlertAsync(string json, string? signature = null)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(HttpMethod.Post, "alerts") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("X-Signature", signature ?? WebhookSignature.Sign(body, WebhookSecret));
        return _siem.SendAsync(request);
    }

    [Fact]
    public async Task An_alert_naming_a_user_by_email_suspends_that_user_and_writes_the_audit_line()
    {
        using HttpResponseMessage response = await PostAlertAsync("""{"user":"Alice@Example.com","reason":"impossible travel","alert_id":"SIEM-1"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using JsonDocument answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        answer.RootElement.GetProperty("outcome").GetString().ShouldBe("suspended");
        answer.RootElement.GetProperty("user_id").GetString().ShouldBe(User("alice@example.com").Id);
        User("alice@example.com").State.ShouldBe(Emulator.UserState.Suspended);

        using JsonDocument audit = JsonDocument.Parse(File.ReadAllLines(_auditLog).ShouldHaveSingleItem());
        audit.RootElement.GetProperty("operation").GetString().ShouldBe("suspendUser");
        audit.RootElement.GetProperty("outcome").GetString().ShouldBe("succeeded");
        audit.RootElement.GetProperty("resource").GetString().ShouldBe($"accounts/{_emulator.DefaultAccountId}/users/{User("alice@example.com").Id}");
        audit.RootElement.GetProperty("client_id").GetString().ShouldBe(_emulator.DefaultClient.ClientId);
        File.ReadAllText(_auditLog).ShouldNotContain(_emulator.DefaultClient.ClientSecret);
    }

    [Fact]
    public async Task An_alert_with_a_bad_signature_changes_nothing()
    {
        using HttpResponseMessage response = await PostAlertAsync("""{"user":"alice@example.com"}""", signature: "sha256=00");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        User("alice@example.com").State.ShouldBe(Emulator.UserState.Active);
        AuditLines().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_last_owner_is_refused_and_the_refusal_is_audited()
    {
        using HttpResponseMessage response = await PostAlertAsync($$"""{"user":"{{User("owner@example.com").Id}}","alert_id":"SIEM-2"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain("no_owner_remain");
        using JsonDocument audit = JsonDocument.Parse(File.ReadAllLines(_auditLog).ShouldHaveSingleItem());
        audit.RootElement.GetProperty("outcome").GetString().ShouldBe("rejected");
        audit.RootElement.GetProperty("rpc_code").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task An_unknown_user_is_a_404_and_no_call_changes_state()
    {
        using HttpResponseMessage response = await PostAlertAsync("""{"user":"nobody@example.com"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        AuditLines().ShouldBeEmpty();
    }

    [Fact]
    public async Task The_health_checks_answer_and_readiness_holds_a_token()
    {
        using HttpResponseMessage live = await _siem.GetAsync(new Uri("health/live", UriKind.Relative));
        using HttpResponseMessage ready = await _siem.GetAsync(new Uri("health/ready", UriKind.Relative));

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        _emulator.State.CountActiveTokens().ShouldBe(1);
    }
}
