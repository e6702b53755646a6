using System.CommandLine;
using OnePassword.Users.Accounts.Item.Users;
using OnePassword.Users.Cli.Activity;
using OnePassword.Users.Emulator;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli.Connection;

/// <summary>
/// One connected client for one command, plus the embedded emulator when <c>--emulator</c> asked
/// for it. The client sends through the tool's <see cref="ObservingTransport"/>, so
/// <see cref="Activity"/> knows what it is waiting for. Disposing revokes the client's token
/// before the emulator stops.
/// </summary>
internal sealed class ApiSession : IAsyncDisposable
{
    private readonly UsersApiClient _client;
    private readonly HttpMessageHandler _transport;
    private readonly UsersApiEmulator? _emulator;
    private readonly JsonLinesAuditSink? _audit;
    private readonly string _secret;

    private ApiSession(UsersApiClient client, HttpMessageHandler transport, UsersApiEmulator? emulator, JsonLinesAuditSink? audit, ConnectionSettings settings, string baseUrl, ApiActivity activity, RateLimitForecast forecast)
    {
        _client = client;
        _audit = audit;
        _transport = transport;
        _emulator = emulator;
        _secret = settings.ClientSecret;
        BaseUrl = baseUrl;
        AccountId = settings.AccountId;
        ClientId = settings.ClientId;
        Activity = activity;
        Forecast = forecast;
    }

    /// <summary>The API's base URL, as the client resolved it from the region or flags.</summary>
    public string BaseUrl { get; }

    public string AccountId { get; }

    public string ClientId { get; }

    /// <summary>Whether this session talks to the embedded emulator, which starts afresh every run.</summary>
    public bool IsEmulator => _emulator is not null;

    /// <summary>What the client is doing now: connecting, waiting for an answer, a permit or a retry.</summary>
    public ApiActivity Activity { get; }

    /// <summary>The client-side rate limit, as the client applies it.</summary>
    public RateLimitForecast Forecast { get; }

    /// <summary>The account's users collection, the root of every command's calls.</summary>
    public UsersRequestBuilder Users => _client.Accounts[AccountId].Users;

    /// <summary>Connects as the flags and environment say, or to a freshly started emulator.</summary>
    public static async Task<ApiSession> OpenAsync(
        ParseResult parseResult, ConnectionOptions options, IDictionary<string, string?> environment, CliConsole console, ClientTuning tuning, CancellationToken cancellationToken)
    {
        if (!parseResult.GetValue(options.Emulator))
        {
            var settings = ConnectionSettings.Resolve(parseResult, options, environment);
            return Connect(settings, emulator: null, tuning, ConnectionSettings.AuditLogPath(parseResult, options, environment));
        }

        var emulator = await UsersApiEmulator.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            // On stderr, so that `--output json` stays parseable; the emulator's secret is not shown.
            await console.Error.WriteLineAsync($"Using the embedded emulator at {emulator.BaseUrl} (account {emulator.DefaultAccountId}, demo users).").ConfigureAwait(false);
            var settings = new ConnectionSettings(emulator.DefaultClient.ClientId, emulator.DefaultClient.ClientSecret, emulator.DefaultAccountId, Region: null, emulator.BaseUrl);
            return Connect(settings, emulator, tuning, ConnectionSettings.AuditLogPath(parseResult, options, environment));
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Masks the client secret in text bound for the screen or a file; the SDK keeps it out already, this makes sure.</summary>
    public string Mask(string text) => _secret.Length == 0 ? text : text.Replace(_secret, "***", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync().ConfigureAwait(false);
        _audit?.Dispose();
        _transport.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    // The same choice the SDK makes (explicit URL, then the region's server, then the default), for display only.
    private static string DescribeBaseUrl(ConnectionSettings settings)
    {
        if (settings.BaseUrl is { } explicitUrl)
        {
            return explicitUrl.ToString();
        }

        var servers = UsersApiClient.Description.ServerUrls;
        return settings.Region is { } region
            ? servers.FirstOrDefault(url => new Uri(url).Host.EndsWith("." + region, StringComparison.OrdinalIgnoreCase)) ?? UsersApiClient.Description.DefaultBaseUrl
            : UsersApiClient.Description.DefaultBaseUrl;
    }

    private static ApiSession Connect(ConnectionSettings settings, UsersApiEmulator? emulator, ClientTuning tuning, string? auditLog)
    {
        // The limits the spec documents (x-rate-limits), given to the client explicitly so the
        // forecast of its waits uses exactly the same rules.
        var rateLimit = new RateLimitOptions
        {
            Rules = tuning.RateLimitRules ?? [.. UsersApiClient.Description.RateLimits.Select(limit => new Runtime.RateLimitRule(limit.Limit, limit.Window))],
        };
        var forecast = new RateLimitForecast(rateLimit);
        var defaults = new RetryOptions();
        var activity = new ApiActivity(TimeProvider.System, defaults.MaxRetries, forecast.History);
        JsonLinesAuditSink? audit;
        try
        {
            // The SDK writes a record of every state-changing call when it ends; the file is opened
            // before any call, so a log that cannot be written stops the command before it acts.
            audit = auditLog is null ? null : new JsonLinesAuditSink(auditLog);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"Cannot open the audit log '{auditLog}': {exception.Message}", exception);
        }

        var transport = new ObservingTransport(activity);
        var options = new ApiClientOptions
        {
            ClientId = settings.ClientId,
            ClientSecret = settings.ClientSecret,
            Region = settings.Region,
            BaseUrl = settings.BaseUrl,
            ApplicationUserAgent = ToolVersion.Current,
            Transport = transport,
            AuditSink = audit,
            RateLimit = rateLimit,
            Retry = new RetryOptions
            {
                BaseDelay = tuning.RetryBaseDelay ?? defaults.BaseDelay,
                MaxDelay = tuning.RetryBaseDelay is { } fast ? fast * 8 : defaults.MaxDelay,
                OnRetry = activity.OnRetry,
            },
        };

        UsersApiClient client;
        try
        {
            client = UsersApiClient.Create(options);
        }
        catch (ArgumentException invalid)
        {
            transport.Dispose();
            audit?.Dispose();

            // The SDK names the bad option (for example plain HTTP to a remote host); that is a usage error.
            throw new UsageException($"Cannot connect: {invalid.Message}", invalid);
        }

        return new ApiSession(client, transport, emulator, audit, settings, DescribeBaseUrl(settings), activity, forecast);
    }
}
