namespace OnePassword.Users.Tests.Support;

/// <summary>
/// A recording server per test and a client on it; subclasses choose the adapter, so the same
/// wire and error tests run on the SDK's adapter and on Kiota's.
/// </summary>
public abstract class RecordingServerTests : IAsyncLifetime
{
    internal RecordingServer Server { get; private set; } = null!;

    internal UsersApiClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RecordingServer.StartAsync();
        Client = CreateClient(Server.BaseUrl);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>The client under test, on the adapter the subclass chooses.</summary>
    /// <param name="baseUrl">The recording server's address.</param>
    /// <returns>The client.</returns>
    internal abstract UsersApiClient CreateClient(Uri baseUrl);
}
