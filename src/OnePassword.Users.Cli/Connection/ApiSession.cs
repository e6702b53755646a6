using System.CommandLine;
using System.Reflection;
using OnePassword.Users.Accounts.Item.Users;
using OnePassword.Users.Emulator;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli.Connection;

/// <summary>
/// One connected client for one command, plus the embedded emulator when <c>--emulator</c> asked
/// for it. Disposing revokes the client's token before the emulator stops.
/// </summary>
internal sealed class ApiSession : IAsyncDisposable
{
    /// <summary>This tool's package version (without the +commit suffix), first in the User-Agent.</summary>
    private static readonly string ToolVersion =
        (typeof(ApiSession).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    private readonly UsersApiClient _client;
    private readonly UsersApiEmulator? _emulator;

    private ApiSession(UsersApiClient client, UsersApiEmulator? emulator, string baseUrl, string accountId, string clientId)
    {
        _client = client;
        _emulator = emulator;
        BaseUrl = baseUrl;
        AccountId = accountId;
        ClientId = clientId;
    }

    /// <summary>The API's base URL, as the client resolved it from the region or flags.</summary>
    public string BaseUrl { get; }

    public string AccountId { get; }

    public string ClientId { get; }

    /// <summary>The account's users collection, the root of every command's calls.</summary>
    public UsersRequestBuilder Users => _client.Accounts[AccountId].Users;

    /// <summary>Connects as the flags and environment say, or to a freshly started emulator.</summary>
    public static async Task<ApiSession> OpenAsync(
        ParseResult parseResult, ConnectionOptions options, IDictionary<string, string?> environment, CliConsole console, CancellationToken cancellationToken)
    {
        if (!parseResult.GetValue(options.Emulator))
        {
            var settings = ConnectionSettings.Resolve(parseResult, options, environment);
            return Connect(settings, emulator: null);
        }

        var emulator = await UsersApiEmulator.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            // On stderr, so that `--output json` stays parseable; the emulator's secret is not shown.
            await console.Error.WriteLineAsync($"Using the embedded emulator at {emulator.BaseUrl} (account {emulator.DefaultAccountId}, demo users).").ConfigureAwait(false);
            var settings = new ConnectionSettings(emulator.DefaultClient.ClientId, emulator.DefaultClient.ClientSecret, emulator.DefaultAccountId, Region: null, emulator.BaseUrl);
            return Connect(settings, emulator);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync().ConfigureAwait(false);
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

    private static ApiSession Connect(ConnectionSettings settings, UsersApiEmulator? emulator)
    {
        var options = new ApiClientOptions
        {
            ClientId = settings.ClientId,
            ClientSecret = settings.ClientSecret,
            Region = settings.Region,
            BaseUrl = settings.BaseUrl,
            ApplicationUserAgent = $"op-users/{ToolVersion}",
        };

        UsersApiClient client;
        try
        {
            client = UsersApiClient.Create(options);
        }
        catch (ArgumentException invalid)
        {
            // The SDK names the bad option (for example plain HTTP to a remote host); that is a usage error.
            throw new UsageException($"Cannot connect: {invalid.Message}", invalid);
        }

        return new ApiSession(client, emulator, DescribeBaseUrl(settings), settings.AccountId, settings.ClientId);
    }
}
