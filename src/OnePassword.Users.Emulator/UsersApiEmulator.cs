using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using OnePassword.Users.Emulator.Http;
using OnePassword.Users.Emulator.State;

namespace OnePassword.Users.Emulator;

/// <summary>
/// A local HTTP server on 127.0.0.1 that behaves like the documented 1Password Users API for
/// Partners. Start one per test (class), point the client under test at <see cref="BaseUrl"/>
/// with <see cref="DefaultClient"/>'s credentials, then assert on <see cref="State"/> and
/// <see cref="Statistics"/>.
/// </summary>
public sealed class UsersApiEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private UsersApiEmulator(WebApplication app, Uri baseUrl, EmulatorRuntime runtime, EmulatorClient defaultClient, string defaultAccountId)
    {
        _app = app;
        BaseUrl = baseUrl;
        State = runtime.State;
        Faults = runtime.Faults;
        Statistics = runtime.Statistics;
        DefaultClient = defaultClient;
        DefaultAccountId = defaultAccountId;
    }

    /// <summary>The server's root, such as <c>http://127.0.0.1:41234</c>; clients append <c>/v1beta1/...</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>An OAuth client with every permission on <see cref="DefaultAccountId"/>.</summary>
    public EmulatorClient DefaultClient { get; }

    /// <summary>The account the default client and, unless seeded otherwise, the demo users belong to.</summary>
    public string DefaultAccountId { get; }

    /// <summary>The accounts, users, clients and tokens; seed and inspect them here.</summary>
    public EmulatorState State { get; }

    /// <summary>Faults injected into the users endpoints; change them at any time.</summary>
    public EmulatorFaults Faults { get; }

    /// <summary>Counters of what the emulator served.</summary>
    public EmulatorStatistics Statistics { get; }

    /// <summary>Seeds the state and starts listening on 127.0.0.1.</summary>
    /// <param name="options">How to start; <see langword="null"/> uses the defaults (any free port, 300 demo users).</param>
    /// <param name="cancellationToken">Cancels starting.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<UsersApiEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate();

        var state = new EmulatorState(options.TimeProvider, options.MaxTokensPerClient);
        state.AddAccount(options.DefaultAccountId);
        var seed = options.Seed ?? EmulatorSeed.Demo(options.DefaultAccountId);
        seed.ApplyTo(state, options.DefaultAccountId, options.TimeProvider.GetUtcNow());
        var defaultClient = state.AddClient(new EmulatorClient(
            options.DefaultClientId ?? $"emulator-{Secrets.Generate(9)}",
            options.DefaultClientSecret ?? Secrets.Generate(32),
            options.DefaultAccountId,
            EmulatorPermissions.All));

        var runtime = new EmulatorRuntime(options, state, new EmulatorStatistics(), new EmulatorFaults(options.RandomSeed));
        var app = Build(options.Port, new RequestDispatcher(runtime));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new UsersApiEmulator(app, new Uri(address), runtime, defaultClient, options.DefaultAccountId);
    }

    /// <summary>Registers another OAuth client, for example one with fewer permissions or on another account.</summary>
    /// <param name="accountId">The account the client's tokens reach; it must exist (see <see cref="EmulatorState.AddAccount"/>).</param>
    /// <param name="permissions">The users operations the client may call.</param>
    /// <param name="clientId">The client id; random when <see langword="null"/>.</param>
    /// <param name="clientSecret">The client secret; random when <see langword="null"/>.</param>
    /// <returns>The registered client.</returns>
    public EmulatorClient AddClient(string accountId, EmulatorPermissions permissions, string? clientId = null, string? clientSecret = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        return State.AddClient(new EmulatorClient(
            clientId ?? $"emulator-{Secrets.Generate(9)}",
            clientSecret ?? Secrets.Generate(32),
            accountId,
            permissions));
    }

    /// <summary>Stops the server and releases its port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static WebApplication Build(int port, RequestDispatcher dispatcher)
    {
        // The empty builder reads no configuration files or environment, adds no logging and
        // serves nothing on its own, so the emulator behaves the same on every machine.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(async context =>
        {
            try
            {
                await dispatcher.HandleAsync(context).ConfigureAwait(false);
            }
            catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                // Even the emulator's own bugs answer a google.rpc.Status, so clients never see a bare 500.
                await ApiResponses.WriteStatusAsync(context, GrpcCode.Internal, $"emulator error: {exception.Message}").ConfigureAwait(false);
            }
        });
        return app;
    }
}
