using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Settings for a client created with a generated client's <c>Create</c> method: credentials,
/// where the API lives, and the HTTP pipeline. Only the client id and secret are required.
/// </summary>
public sealed class ApiClientOptions
{
    /// <summary>The OAuth application's client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth application's client secret. Never printed by <see cref="ToString"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The region hosting the account, as a host suffix of one of the spec's servers:
    /// <c>1password.com</c>, <c>1password.ca</c> or <c>1password.eu</c>. Ignored when <see cref="BaseUrl"/> is set.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>An explicit base URL, for example the emulator's <c>http://127.0.0.1:5099</c>. Plain HTTP is allowed only for loopback.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// Your own product, put in front of the SDK's in the <c>User-Agent</c> header, as 1Password asks
    /// partners to send <c>&lt;CompanyOrProductName&gt;/&lt;version&gt;</c>: for example <c>ContosoSOAR/2.1</c>.
    /// One or more RFC 9110 product tokens; null sends the SDK's alone.
    /// </summary>
    public string? ApplicationUserAgent { get; set; }

    /// <summary>The <c>User-Agent</c> header sent: <see cref="ApplicationUserAgent"/>, if set, then <see cref="DefaultUserAgent"/>.</summary>
    public string UserAgent => string.IsNullOrWhiteSpace(ApplicationUserAgent) ? DefaultUserAgent : ApplicationUserAgent.Trim() + " " + DefaultUserAgent;

    /// <summary><c>OnePassword.Users.Sdk/</c> and the version of this package, so 1Password can tell SDK releases apart.</summary>
    public static string DefaultUserAgent { get; } = "OnePassword.Users.Sdk/" + PackageVersion.Of(typeof(ApiClientOptions).Assembly);

    /// <summary>The innermost handler; a pooled <see cref="SocketsHttpHandler"/> when null. Not disposed by the client.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>The clock for token expiry, retries and rate limiting; replace it in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Retry settings for 429, 5xx and connection failures.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Client-side rate limiting; null means the spec's documented limits (<c>x-rate-limits</c>).</summary>
    public RateLimitOptions? RateLimit { get; set; }

    /// <summary>The scope to request; null sends the spec's scopes (<c>openid</c> for the Users API).</summary>
    public string? Scope { get; set; }

    /// <summary>The token URL, for specs that declare none (a plain bearer scheme); the spec's otherwise.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>When the access token is refreshed, how token requests are retried, and where diagnostics go.</summary>
    public TokenCacheOptions? Token { get; set; }

    /// <summary>The default of <see cref="MaxResponseBodySize"/>: 4 MiB, sixteen 1000-user pages.</summary>
    public const int DefaultMaxResponseBodySize = 4 * 1024 * 1024;

    /// <summary>
    /// How long one attempt may take, from sending the request to the last byte of the response
    /// body, before it is abandoned (and retried when the operation is idempotent). Default 30 seconds.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one call may take in all: waiting for the rate limiter and the token, every attempt
    /// and every wait between them. Default 5 minutes; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The most bytes of one response body, counted after decompression (default
    /// <see cref="DefaultMaxResponseBodySize"/>). A larger body, or a <c>Content-Length</c> that
    /// declares one, fails with <see cref="ResponseTooLargeException"/>.
    /// </summary>
    public int MaxResponseBodySize { get; set; } = DefaultMaxResponseBodySize;

    /// <summary>
    /// The client's name in telemetry (<c>onepassword.client.name</c>) and logs; under dependency
    /// injection, the name it was registered under. Default <c>default</c>.
    /// </summary>
    public string Name { get; set; } = "default";

    /// <summary>Where the SDK logs (categories <c>OnePassword.Users.*</c>); nothing is logged when null. No event holds a secret or a token.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Creates the SDK's <see cref="Meter"/> (<see cref="TelemetryNames.Source"/>); a shared meter when null.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>
    /// Shares the rate budget and the access token with the other processes that use the same
    /// credentials (for example <c>OnePassword.Users.Redis</c>); null keeps both in this process.
    /// </summary>
    public ClientCoordination? Coordination { get; set; }

    /// <summary>Receives one record per state-changing call; a <see cref="LoggerAuditSink"/> over <see cref="LoggerFactory"/> when null.</summary>
    public IAuditSink? AuditSink { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"ApiClientOptions {{ ClientId = {ClientId}, ClientSecret = {(ClientSecret is null ? "null" : "***")}, Region = {Region}, BaseUrl = {(BaseUrl is null ? null : UriText.WithoutUserInfo(BaseUrl))} }}";
}
