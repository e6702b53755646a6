using Microsoft.Extensions.Logging.Testing;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Auth.Tests.TestSupport;

/// <summary>
/// A scripted loopback server, a manual clock and a token provider pointed at the server, with
/// every log event collected. Tests script the server, then drive the provider.
/// </summary>
internal sealed class AuthHarness : IAsyncDisposable
{
    public const string ClientId = "client-id-123";

    /// <summary>A secret that must never show up in any text the library produces.</summary>
    public const string Secret = "s3cr3t-NEVER-PRINT";

    private readonly FakeLogger _logger = new();
    private readonly List<HttpClient> _apiClients = [];

    private AuthHarness(ScriptedServer server)
    {
        Server = server;
    }

    public ScriptedServer Server { get; }

    /// <summary>The provider's clock; it does not report the time limit of each token request, only the waits.</summary>
    public ObservedTimeProvider Clock { get; private set; } = null!;

    public CountingHandler TokenRequests { get; } = new();

    public HttpClient TokenHttpClient { get; private set; } = null!;

    public ClientCredentialsTokenProvider Provider { get; private set; } = null!;

    /// <summary>Every log event the provider wrote, at every level.</summary>
    public IReadOnlyList<FakeLogRecord> Log => _logger.Collector.GetSnapshot();

    /// <summary>Whether an event with <paramref name="eventId"/> was logged.</summary>
    public bool Logged(int eventId) => Log.Any(record => record.Id.Id == eventId);

    public static async Task<AuthHarness> StartAsync(TokenCacheOptions? options = null, ClientCredentials? credentials = null, bool withRevocation = true, string? scope = "openid")
    {
        var harness = new AuthHarness(await ScriptedServer.StartAsync());
        options ??= new TokenCacheOptions();
        harness.Clock = new ObservedTimeProvider { Unreported = options.RequestTimeout };
        harness.TokenHttpClient = new HttpClient(harness.TokenRequests);
        var endpoint = new TokenEndpoint(harness.Server.TokenUri, withRevocation ? harness.Server.RevokeUri : null);
        harness.Provider = new ClientCredentialsTokenProvider(
            credentials ?? new ClientCredentials(ClientId, Secret, scope),
            endpoint,
            harness.TokenHttpClient,
            options,
            harness.Clock,
            harness._logger);
        return harness;
    }

    /// <summary>An HTTP client for API calls through <see cref="BearerTokenHandler"/>, allowing the loopback server unless told otherwise.</summary>
    public HttpClient ApiClient(AllowedHosts? allowedHosts = null, HttpMessageHandler? transport = null)
    {
        var handler = new BearerTokenHandler(Provider, allowedHosts ?? new AllowedHosts([Server.BaseAddress]))
        {
            InnerHandler = transport ?? new SocketsHttpHandler(),
        };
        var client = new HttpClient(handler);
        _apiClients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        foreach (HttpClient client in _apiClients)
        {
            client.Dispose();
        }

        TokenHttpClient.Dispose();
        await Server.DisposeAsync();
    }
}
