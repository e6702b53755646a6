using OnePassword.Users.Hardening.Tests.Support;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hardening.Tests;

/// <summary>
/// The generated client on a caller's own <see cref="HttpClient"/> (<c>new ApiRequestAdapter(http)</c>,
/// none of the SDK's handlers): the body still has a time limit, the client's own Timeout, and a
/// transport failure is still the SDK's exception naming the request.
/// </summary>
public sealed class BareHttpClientTests
{
    [Fact]
    public async Task The_clients_Timeout_bounds_the_whole_exchange_body_included()
    {
        await using var api = HostileServer.Start(async exchange =>
        {
            await exchange.DripJsonAsync(HostileApi.UserJson(), TimeSpan.FromSeconds(1));
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var client = new UsersApiClient(new ApiRequestAdapter(http, api.BaseAddress.ToString()));

        var timeout = await Should.ThrowAsync<ApiTransportException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        timeout.Failure.ShouldBe(TransportFailure.Timeout);
        timeout.RequestMethod.ShouldBe("GET");
        timeout.RequestUri.ShouldBe(new Uri(api.BaseAddress, HostileApi.UserPath.TrimStart('/')));
        timeout.Message.ShouldContain("the HttpClient's Timeout, body included");
    }

    [Fact]
    public async Task A_refused_connection_is_an_ApiTransportException_naming_the_request()
    {
        int port = HostileServer.UnusedPort();

        using var http = new HttpClient();
        var client = new UsersApiClient(new ApiRequestAdapter(http, $"http://127.0.0.1:{port}"));

        var failure = await Should.ThrowAsync<ApiTransportException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].Suspend.PostAsync());

        failure.Failure.ShouldBe(TransportFailure.ConnectionFailed);
        failure.RequestMethod.ShouldBe("POST");
        failure.RequestUri!.AbsolutePath.ShouldBe(HostileApi.UserPath + ":suspend");
    }
}
