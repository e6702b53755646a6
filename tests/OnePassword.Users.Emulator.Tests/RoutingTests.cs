using System.Net;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class RoutingTests(DefaultEmulatorFixture fixture) : IClassFixture<DefaultEmulatorFixture>
{
    private readonly UsersApiEmulator _emulator = fixture.Emulator;

    [Theory]
    [InlineData("/")]
    [InlineData("/v1/accounts/A/users")]
    [InlineData("/v1beta1/accounts")]
    [InlineData("/v1beta1/accounts//users")]
    [InlineData("/v1beta1/accounts/A/users/U:delete")]
    [InlineData("/v1beta1/accounts/A/users/U/extra")]
    [InlineData("/v1beta1/users/oauth2/authorize")]
    public async Task Unknown_routes_answer_a_json_not_found_status(string path)
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.SendAsync(HttpMethod.Get, path, accessToken: null);

        await response.ShouldBeStatusAsync(HttpStatusCode.NotFound, 5);
    }

    [Theory]
    [InlineData("DELETE", "/v1beta1/accounts/A/users", "GET")]
    [InlineData("POST", "/v1beta1/accounts/A/users/U", "GET")]
    [InlineData("GET", "/v1beta1/accounts/A/users/U:suspend", "POST")]
    [InlineData("PUT", "/v1beta1/accounts/A/users/U:reactivate", "POST")]
    [InlineData("GET", "/v1beta1/users/oauth2/token", "POST")]
    public async Task A_wrong_method_answers_405_with_unimplemented_and_an_allow_header(string method, string path, string allowed)
    {
        using var api = new ApiClient(_emulator);

        using var response = await api.SendAsync(new HttpMethod(method), path, accessToken: null);

        await response.ShouldBeStatusAsync(HttpStatusCode.MethodNotAllowed, 12);
        response.Content.Headers.Allow.ShouldBe([allowed]);
    }
}
