using OnePassword.Users.Runtime;
using OnePassword.Users.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Tests;

/// <summary>Error responses and unreadable bodies become typed exceptions that keep status, code and body.</summary>
public abstract class ErrorMappingTests : RecordingServerTests
{
    [Fact]
    public async Task The_last_owner_refusal_is_a_PermissionDeniedException_with_the_status_body()
    {
        Server.Respond = _ => (403, ExampleBodies.NoOwnerRemain, "application/json");

        var exception = await Should.ThrowAsync<PermissionDeniedException>(() => Client.Accounts["A"].Users["OWNER"].Suspend.PostAsync());

        exception.ResponseStatusCode.ShouldBe(403);
        exception.RpcCode.ShouldBe(7);
        exception.RpcMessage.ShouldBe("no_owner_remain");
        exception.IsNoOwnerRemain.ShouldBeTrue();
        exception.Details.ShouldBeEmpty();
        exception.RawBody.ShouldBe(ExampleBodies.NoOwnerRemain);
        exception.RequestMethod.ShouldBe("POST");
        exception.RequestUri!.AbsolutePath.ShouldBe("/v1beta1/accounts/A/users/OWNER:suspend");
    }

    [Theory]
    [InlineData(400, 3, typeof(InvalidArgumentException))]
    [InlineData(401, 16, typeof(UnauthenticatedException))]
    [InlineData(404, 5, typeof(NotFoundException))]
    [InlineData(429, 8, typeof(RateLimitedException))]
    [InlineData(500, 13, typeof(ServerErrorException))]
    public async Task Each_documented_status_maps_to_its_exception(int status, int code, Type expected)
    {
        var body = $$"""{"code":{{code}},"message":"m{{code}}","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"R"}]}""";
        Server.Respond = _ => (status, body, "application/json");

        var exception = await Should.ThrowAsync<ApiErrorException>(() => Client.Accounts["A"].Users["U"].GetAsync());

        exception.ShouldBeOfType(expected);
        exception.ResponseStatusCode.ShouldBe(status);
        exception.RpcCode.ShouldBe(code);
        exception.RpcMessage.ShouldBe("m" + code);
        exception.Details.ShouldHaveSingleItem().GetProperty("reason").GetString().ShouldBe("R");
        exception.RawBody.ShouldBe(body);
    }

    [Theory]
    [InlineData("""{"id":"U","email":"u@example.com","sta""", "application/json")]
    [InlineData("<html><body>Bad gateway</body></html>", "text/html")]
    [InlineData("""{"id":"U","email":"u@example.com","state":"ACTIVE"}""", "text/plain; charset=utf-8")]
    [InlineData("", "application/json")]
    [InlineData("""{"email":"u@example.com"}""", "application/json")]
    [InlineData("""[1,2,3]""", "application/json")]
    [InlineData("""{"id":"U","email":"u@example.com","state":7}""", "application/json")]
    public async Task An_unreadable_success_body_is_a_MalformedResponseException_with_status_and_excerpt(string body, string contentType)
    {
        Server.Respond = _ => (200, body, contentType);

        var exception = await Should.ThrowAsync<MalformedResponseException>(() => Client.Accounts["A"].Users["U"].GetAsync());

        exception.ResponseStatusCode.ShouldBe(200);
        exception.Message.ShouldContain("200");
        exception.RawBody.ShouldBe(body);
        if (body.Length > 0)
        {
            exception.Message.ShouldContain(body[..Math.Min(10, body.Length)]);
        }
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON ;charset=utf-8")]
    [InlineData("application/vnd.onepassword+json")]
    public async Task A_json_body_is_read_whichever_way_its_content_type_names_json(string contentType)
    {
        Server.Respond = _ => (200, """{"id":"U","email":"u@example.com","state":"ACTIVE"}""", contentType);

        var user = await Client.Accounts["A"].Users["U"].GetAsync();

        user.ShouldNotBeNull().Email.ShouldBe("u@example.com");
    }
}

/// <summary>Runs the tests on the SDK's own adapter, which has a short path for generated operations.</summary>
public sealed class ErrorMappingTestsOnApiRequestAdapter : ErrorMappingTests
{
    internal override UsersApiClient CreateClient(Uri baseUrl) => Clients.OnApiRequestAdapter(baseUrl);
}

/// <summary>Runs the tests on Kiota's standard adapter, which users may bring.</summary>
public sealed class ErrorMappingTestsOnKiotaAdapter : ErrorMappingTests
{
    internal override UsersApiClient CreateClient(Uri baseUrl) => Clients.Plain(baseUrl);
}
