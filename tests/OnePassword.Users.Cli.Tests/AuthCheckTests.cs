using OnePassword.Users.Cli.Tests.Support;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Cli.Tests;

public sealed class AuthCheckTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Reports_the_connection_and_every_probed_permission()
    {
        var result = await fixture.RunAsync("auth", "check");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain($"Base URL:       {fixture.Emulator.BaseUrl}");
        result.Stdout.ShouldContain($"Account id:     {EmulatorFixture.Account}");
        result.Stdout.ShouldContain($"Client id:      {fixture.Emulator.DefaultClient.ClientId}");
        result.Stdout.ShouldContain("Access token:   obtained");
        result.Stdout.ShouldContain("list users        allowed");
        result.Stdout.ShouldContain("get user          allowed");
        result.Stdout.ShouldContain("suspend user      not probed");
        result.Stdout.ShouldContain("reactivate user   not probed");
    }

    [Fact]
    public async Task Says_which_operations_a_narrower_client_is_denied()
    {
        var client = fixture.Emulator.AddClient(EmulatorFixture.Account, EmulatorPermissions.ListUsers);

        var result = await fixture.RunAsync("auth", "check", "--client-id", client.ClientId, "--client-secret", client.ClientSecret);

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("list users        allowed");
        result.Stdout.ShouldContain("get user          denied");
        result.Stderr.ShouldContain("a permission checked above is denied");
    }

    [Fact]
    public async Task Without_list_permission_get_cannot_be_probed()
    {
        var client = fixture.Emulator.AddClient(EmulatorFixture.Account, EmulatorPermissions.GetUser);

        var result = await fixture.RunAsync("auth", "check", "--client-id", client.ClientId, "--client-secret", client.ClientSecret);

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stdout.ShouldContain("list users        denied");
        result.Stdout.ShouldContain("get user          not probed");
    }

    [Fact]
    public async Task Refused_credentials_exit_3()
    {
        var result = await fixture.RunAsync("auth", "check", "--client-id", "no-such-client");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain("Authentication failed");
        result.Stdout.ShouldNotContain("Access token:   obtained");
    }
}
