using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OnePassword.Users.Emulator;
using OnePassword.Users.Runtime;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OnePassword.Users.Hosting.Tests;

/// <summary>
/// One scripted incident against the emulator through a real Host: another worker has spent the
/// server's budget, so the first call meets a 429 and is retried after its Retry-After; a burst
/// then waits for the client-side limiter; then a missing user, a suspend and a refused suspend. Then what the SDK reported is checked: logs at every
/// level (none with a credential), spans, metrics and audit records.
/// </summary>
public sealed class IncidentFixture : IAsyncLifetime
{
    private readonly List<Activity> _spans = [];
    private readonly List<Metric> _metrics = [];
    private readonly List<AuditRecord> _audit = [];
    private UsersApiEmulator _emulator = null!;
    private IHost _host = null!;
    private string _memberId = null!;
    private string _ownerId = null!;

    public IReadOnlyList<Activity> Spans => _spans;

    public IReadOnlyList<Metric> Metrics => _metrics;

    public IReadOnlyList<AuditRecord> Audit => _audit;

    public UsersApiEmulator Emulator => _emulator;

    public string MemberId => _memberId;

    public IReadOnlyList<FakeLogRecord> Logs => _host.Services.GetFakeLogCollector().GetSnapshot();

    public async Task InitializeAsync()
    {
        _emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions
        {
            // The server allows 4 calls in 2 s; the client paces itself to 3 in 2 s.
            RateLimits = [new Emulator.RateLimitRule(4, TimeSpan.FromSeconds(2))],
            Seed = new EmulatorSeed([new SeedUser("owner@example.com", "Owner", UserRole.Owner), new SeedUser("member@example.com", "Member")]),
        });
        _ownerId = _emulator.State.ListUsers(_emulator.DefaultAccountId).Single(user => user.Role == UserRole.Owner).Id;
        _memberId = _emulator.State.ListUsers(_emulator.DefaultAccountId).Single(user => user.Role == UserRole.Member).Id;

        var section = HostBuilding.Section("OnePasswordUsers", _emulator);
        section["OnePasswordUsers:RateLimit:Enabled"] = "true";
        section["OnePasswordUsers:RateLimit:Rules:0:Limit"] = "3";
        section["OnePasswordUsers:RateLimit:Rules:0:Window"] = "00:00:02";
        section["OnePasswordUsers:RateLimit:SafetyMargin"] = "00:00:00";
        HostApplicationBuilder builder = HostBuilding.Builder(section);
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(TelemetryNames.Source, "System.Net.Http").AddInMemoryExporter(_spans))
            .WithMetrics(metrics => metrics.AddMeter(TelemetryNames.Source).AddInMemoryExporter(_metrics));
        builder.Services.AddOnePasswordUsers(builder.Configuration.GetSection("OnePasswordUsers"))
            .UseAuditSink(_ => new CollectingSink(_audit));
        _host = await HostBuilding.StartAsync(builder);

        var users = _host.Services.GetRequiredService<UsersApiClient>().Accounts[_emulator.DefaultAccountId].Users;
        await SpendTheServersBudgetAsync(4);
        await users[_memberId].GetAsync();  // 429 from the server, then retried after its Retry-After
        await users[_memberId].GetAsync();
        await users[_memberId].GetAsync();
        await users[_memberId].GetAsync();  // the fourth in 2 s waits for the client-side limiter
        await Should.ThrowAsync<NotFoundException>(() => users["NOSUCHUSER"].GetAsync());
        await users[_memberId].Suspend.PostAsync();
        await Should.ThrowAsync<PermissionDeniedException>(() => users[_ownerId].Suspend.PostAsync());
        _host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        _host.Services.GetRequiredService<TracerProvider>().ForceFlush();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAndDisposeAsync();
        await _emulator.DisposeAsync();
    }

    /// <summary>Another worker with the same credentials, over plain HTTP.</summary>
    private async Task SpendTheServersBudgetAsync(int calls)
    {
        using var http = new HttpClient { BaseAddress = _emulator.BaseUrl };
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Post, "v1beta1/users/oauth2/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        tokenRequest.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{_emulator.DefaultClient.ClientId}:{_emulator.DefaultClient.ClientSecret}")));
        using var tokenResponse = await http.SendAsync(tokenRequest);
        using var body = System.Text.Json.JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        string token = body.RootElement.GetProperty("access_token").GetString()!;
        for (int i = 0; i < calls; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"v1beta1/accounts/{_emulator.DefaultAccountId}/users/{_memberId}");
            request.Headers.Authorization = new("Bearer", token);
            (await http.SendAsync(request)).Dispose();
        }
    }

    private sealed class CollectingSink(List<AuditRecord> records) : IAuditSink
    {
        public ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken)
        {
            lock (records)
            {
                records.Add(record);
            }

            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// The incident runs alone: activity and meter listeners are process-wide, so no other test of
/// this assembly may make calls while it is observed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IncidentCollection : ICollectionFixture<IncidentFixture>
{
    public const string Name = "Telemetry incident";
}

/// <summary>What the SDK reported of the incident <see cref="IncidentFixture"/> played once.</summary>
[Collection(IncidentCollection.Name)]
public sealed class ObservabilityTests(IncidentFixture incident)
{
    private readonly UsersApiEmulator _emulator = incident.Emulator;
    private readonly IReadOnlyList<Activity> _spans = incident.Spans;
    private readonly IReadOnlyList<Metric> _metrics = incident.Metrics;
    private readonly IReadOnlyList<AuditRecord> _audit = incident.Audit;
    private readonly string _memberId = incident.MemberId;

    private IReadOnlyList<FakeLogRecord> Logs => incident.Logs;

    [Fact]
    public void Every_event_is_logged_with_its_stable_id()
    {
        var ids = Logs.Select(record => record.Id.Id).ToHashSet();

        ids.ShouldContain(1001, "TokenAcquired");
        ids.ShouldContain(2001, "RetryScheduled");
        ids.ShouldContain(3001, "RateLimitWaitStarted");
        ids.ShouldContain(3002, "RateLimitWaitEnded");
        ids.ShouldContain(3003, "RateLimitHoldSet");
        ids.ShouldContain(4001, "CallFailed");
        Logs.First(record => record.Id.Id == 2001).Message.ShouldContain("getUser (GET");
        Logs.First(record => record.Id.Id == 2001).Message.ShouldContain("after HTTP 429: retry 1 of 4");
        Logs.ShouldContain(record => record.Id.Id == 4001 && record.Message.Contains("getUser", StringComparison.Ordinal) && record.Message.Contains("HTTP 404, rpc code 5", StringComparison.Ordinal));
        Logs.ShouldContain(record => record.Id.Id == 4001 && record.Message.Contains("suspendUser", StringComparison.Ordinal) && record.Message.Contains("HTTP 403, rpc code 7", StringComparison.Ordinal));
    }

    [Fact]
    public void No_log_record_at_any_level_holds_the_secret_or_a_token()
    {
        string[] secrets = [_emulator.DefaultClient.ClientSecret, .. _emulator.State.Tokens.Select(token => token.AccessToken)];
        Logs.Count.ShouldBeGreaterThan(20);
        Logs.ShouldContain(record => record.Level == LogLevel.Debug, "the fake logger captures every level");

        foreach (FakeLogRecord record in Logs)
        {
            string text = string.Join("\n", [record.Message, record.Exception?.ToString(), .. record.StructuredState?.Select(pair => pair.Value) ?? []]);
            foreach (string secret in secrets)
            {
                text.ShouldNotContain(secret, customMessage: $"event {record.Id} ({record.Category})");
            }
        }
    }

    [Fact]
    public void Each_operation_is_one_span_named_by_its_operation_id_with_the_http_spans_as_its_children()
    {
        Activity[] operations = [.. _spans.Where(span => span.Source.Name == TelemetryNames.Source)];
        operations.Select(span => span.DisplayName).ShouldBe(["getUser", "getUser", "getUser", "getUser", "getUser", "suspendUser", "suspendUser"]);

        Activity retried = operations[0];
        retried.GetTagItem(TelemetryNames.ResendCount).ShouldBe(1);
        retried.GetTagItem(TelemetryNames.UrlTemplate).ShouldBe("/v1beta1/accounts/{account_id}/users/{user_id}");
        Activity[] attempts = [.. _spans.Where(span => span.Source.Name == "System.Net.Http" && span.ParentSpanId == retried.SpanId && span.GetTagItem("url.full") is string url && url.Contains("/accounts/", StringComparison.Ordinal))];
        attempts.Length.ShouldBe(2, "one HTTP span per attempt, and no copy of them from the SDK");

        ((double)operations[3].GetTagItem(TelemetryNames.RateLimitWait)!).ShouldBeGreaterThan(0);

        Activity missing = operations[4];
        missing.Status.ShouldBe(ActivityStatusCode.Error);
        missing.GetTagItem(TelemetryNames.ErrorType).ShouldBe("404");
        missing.GetTagItem(TelemetryNames.RpcCode).ShouldBe(5);
        operations[0].GetTagItem(TelemetryNames.ErrorType).ShouldBeNull();
    }

    [Fact]
    public void The_meter_reports_durations_retries_waits_budget_and_token_requests()
    {
        Points(TelemetryNames.OperationDuration).ShouldContain(point => Tag(point, TelemetryNames.Operation) == "getUser" && Tag(point, TelemetryNames.Outcome) == "success");
        Points(TelemetryNames.OperationDuration).ShouldContain(point => Tag(point, TelemetryNames.Operation) == "suspendUser" && Tag(point, TelemetryNames.Outcome) == "failure" && Tag(point, TelemetryNames.ErrorType) == "403");
        Points(TelemetryNames.Retries).ShouldContain(point => Tag(point, TelemetryNames.RetryReason) == "HTTP 429" && point.GetSumLong() == 1);
        Points(TelemetryNames.RateLimitWaitDuration).ShouldContain(point => point.GetHistogramCount() >= 1);
        Points(TelemetryNames.RateLimitRemaining).ShouldContain(point => Tag(point, TelemetryNames.ClientName) == "OnePasswordUsers");
        Points(TelemetryNames.TokenRefreshes).ShouldContain(point => Tag(point, TelemetryNames.Outcome) == "success" && point.GetSumLong() == 1);
    }

    [Fact]
    public void Each_state_changing_call_leaves_one_audit_record_and_reads_leave_none()
    {
        _audit.Count.ShouldBe(2);
        AuditRecord done = _audit[0];
        done.Operation.ShouldBe("suspendUser");
        done.Method.ShouldBe("POST");
        done.AccountId.ShouldBe(_emulator.DefaultAccountId);
        done.Resource.ShouldBe($"accounts/{_emulator.DefaultAccountId}/users/{_memberId}");
        done.Outcome.ShouldBe(AuditOutcome.Succeeded);
        done.StatusCode.ShouldBe(200);
        done.Attempts.ShouldBe(1);
        done.ClientId.ShouldBe(_emulator.DefaultClient.ClientId);
        done.CorrelationId.ShouldBe(_spans.Single(span => span.DisplayName == "suspendUser" && span.Status != ActivityStatusCode.Error).TraceId.ToHexString());
        done.Time.Offset.ShouldBe(TimeSpan.Zero);

        AuditRecord refused = _audit[1];
        refused.Outcome.ShouldBe(AuditOutcome.Rejected);
        refused.StatusCode.ShouldBe(403);
        refused.RpcCode.ShouldBe(7);
        refused.ErrorType.ShouldBe("403");
        refused.ToString().ShouldNotContain(_emulator.DefaultClient.ClientSecret);
    }

    private IEnumerable<MetricPoint> Points(string name)
    {
        foreach (Metric metric in _metrics.Where(metric => metric.Name == name))
        {
            foreach (ref readonly MetricPoint point in metric.GetMetricPoints())
            {
                yield return point;
            }
        }
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (KeyValuePair<string, object?> tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
