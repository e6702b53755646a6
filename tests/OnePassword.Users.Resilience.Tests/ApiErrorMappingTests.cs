using System.Net.Http.Headers;
using System.Text.Json;
using OnePassword.Users.Resilience.Tests.Infrastructure;
using OnePassword.Users.Runtime;
using Shouldly;

namespace OnePassword.Users.Resilience.Tests;

/// <summary>Error responses from a real server, read by <see cref="ApiErrorException.FromResponseAsync"/>.</summary>
public sealed class ApiErrorMappingTests
{
    private const string Secret = "tok_SECRET_9f8e7d6c5b4a";

    private static async Task<ApiErrorException> ErrorForAsync(Func<Microsoft.AspNetCore.Http.HttpContext, Task> reply, string method = "GET", string path = "v1beta1/accounts/A/users/U")
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(reply);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using HttpResponseMessage response = await client.SendAsync(request);
        ApiErrorException error = await ApiErrorException.FromResponseAsync(response);

        // Whatever the body, a secret the request carried never reaches what gets logged.
        error.Message.ShouldNotContain(Secret);
        (error.RawBody ?? string.Empty).ShouldNotContain(Secret);
        error.RequestUri.ShouldBe(new Uri(server.BaseAddress, path));
        error.RequestMethod.ShouldBe(method);
        return error;
    }

    [Theory]
    [InlineData(400, 3, "invalid filter: user.isDeleted()", typeof(InvalidArgumentException), "InvalidArgument")]
    [InlineData(401, 16, "invalid or expired access token", typeof(UnauthenticatedException), "Unauthenticated")]
    [InlineData(403, 7, "permission denied", typeof(PermissionDeniedException), "PermissionDenied")]
    [InlineData(404, 5, "user not found", typeof(NotFoundException), "NotFound")]
    [InlineData(429, 8, "rate limit exceeded", typeof(RateLimitedException), "ResourceExhausted")]
    [InlineData(500, 13, "internal error", typeof(ServerErrorException), "Internal")]
    public async Task A_status_body_maps_to_its_type_with_code_and_message(int status, int code, string message, Type type, string codeName)
    {
        ApiErrorException error = await ErrorForAsync(Reply.Status(status, code, message));

        error.GetType().ShouldBe(type);
        error.ResponseStatusCode.ShouldBe(status);
        error.RpcCode.ShouldBe(code);
        error.RpcMessage.ShouldBe(message);
        error.Details.ShouldBeEmpty();
        error.RawBody.ShouldBe($$"""{"code":{{code}},"message":"{{message}}","details":[]}""");
        error.Message.ShouldEndWith($"failed with HTTP {status} ({codeName} {code}): {message}");
    }

    [Fact]
    public async Task The_last_owner_refusal_is_recognised_from_its_exact_body()
    {
        ApiErrorException error = await ErrorForAsync(
            Reply.With(403, """{"code":7,"message":"no_owner_remain","details":[]}"""),
            "POST",
            "v1beta1/accounts/A/users/U:suspend");

        PermissionDeniedException denied = error.ShouldBeOfType<PermissionDeniedException>();
        denied.IsNoOwnerRemain.ShouldBeTrue();
        denied.RpcCode.ShouldBe(7);
        denied.Details.ShouldBeEmpty();
        denied.RawBody.ShouldBe("""{"code":7,"message":"no_owner_remain","details":[]}""");
        denied.Message.ShouldBe($"POST {denied.RequestUri!.AbsoluteUri} failed with HTTP 403 (PermissionDenied 7): no_owner_remain");
        denied.RequestUri.AbsolutePath.ShouldEndWith("/users/U:suspend");
    }

    [Fact]
    public async Task A_missing_permission_is_not_mistaken_for_the_last_owner()
    {
        ApiErrorException error = await ErrorForAsync(Reply.Status(403, 7, "permission denied"));

        error.ShouldBeOfType<PermissionDeniedException>().IsNoOwnerRemain.ShouldBeFalse();
    }

    [Fact]
    public async Task Details_are_kept_as_json()
    {
        ApiErrorException error = await ErrorForAsync(Reply.With(400, """
            {"code":3,"message":"bad page size","details":[{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"max_page_size"}]}]}
            """));

        error.Details.Count.ShouldBe(1);
        error.Details[0].GetProperty("@type").GetString().ShouldBe("type.googleapis.com/google.rpc.BadRequest");
        error.Details[0].GetProperty("fieldViolations")[0].GetProperty("field").GetString().ShouldBe("max_page_size");
    }

    [Fact]
    public async Task A_429_carries_Retry_After()
    {
        ApiErrorException error = await ErrorForAsync(Reply.Status(429, 8, "rate limit exceeded", ("Retry-After", "30")));

        error.ShouldBeOfType<RateLimitedException>().RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
        error.ResponseHeaders["Retry-After"].ShouldBe(["30"]);
    }

    [Fact]
    public async Task A_429_with_an_http_date_carries_the_distance_to_it()
    {
        // The factory reads the system clock; the date is two minutes ahead of it, give or take
        // the second the date format drops.
        string date = (DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2)).ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        ApiErrorException error = await ErrorForAsync(Reply.Status(429, 8, "rate limit exceeded", ("Retry-After", date)));

        error.RetryAfter.ShouldNotBeNull().ShouldBeInRange(TimeSpan.FromSeconds(110), TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task An_html_502_page_still_maps_by_status_and_keeps_the_page()
    {
        const string page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body>\r\n</html>";

        ApiErrorException error = await ErrorForAsync(Reply.With(502, page, "text/html"));

        error.ShouldBeOfType<ServerErrorException>();
        error.RpcCode.ShouldBeNull();
        error.RpcMessage.ShouldBeNull();
        error.RawBody.ShouldBe(page);
        error.InnerException.ShouldBeNull();
        error.Message.ShouldContain("failed with HTTP 502 (Bad Gateway): <html>\\r\\n<head><title>502 Bad Gateway</title>");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task Truncated_json_maps_by_status_and_keeps_the_parse_failure()
    {
        ApiErrorException error = await ErrorForAsync(Reply.With(403, """{"code":7,"message":"no_own"""));

        PermissionDeniedException denied = error.ShouldBeOfType<PermissionDeniedException>();
        denied.RpcCode.ShouldBeNull();
        denied.IsNoOwnerRemain.ShouldBeFalse();
        denied.RawBody.ShouldBe("""{"code":7,"message":"no_own""");
        denied.InnerException.ShouldBeAssignableTo<JsonException>();
    }

    [Fact]
    public async Task An_empty_500_maps_to_ServerErrorException()
    {
        ApiErrorException error = await ErrorForAsync(Reply.With(500));

        error.ShouldBeOfType<ServerErrorException>();
        error.RawBody.ShouldBe(string.Empty);
        error.RpcCode.ShouldBeNull();
        error.Message.ShouldEndWith("failed with HTTP 500 (Internal Server Error)");
    }

    [Fact]
    public async Task An_OAuth_error_body_gives_its_code_and_description()
    {
        ApiErrorException error = await ErrorForAsync(
            Reply.With(401, """{"error":"invalid_client","error_description":"client authentication failed"}"""),
            "POST",
            "v1beta1/users/oauth2/token");

        error.ShouldBeOfType<UnauthenticatedException>();
        error.OAuthError.ShouldBe("invalid_client");
        error.RpcMessage.ShouldBe("client authentication failed");
        error.Message.ShouldEndWith("failed with HTTP 401 (invalid_client): client authentication failed");
    }

    [Theory]
    [InlineData(409)]
    [InlineData(418)]
    public async Task Other_4xx_statuses_give_the_base_type(int status)
    {
        ApiErrorException error = await ErrorForAsync(Reply.Status(status, 6, "already exists"));

        error.GetType().ShouldBe(typeof(ApiErrorException));
        error.RpcCode.ShouldBe(6);
    }

    [Fact]
    public async Task A_server_that_echoes_the_token_does_not_leak_it_into_the_exception()
    {
        ApiErrorException error = await ErrorForAsync(Reply.EchoAuthorization(500));

        error.ShouldBeOfType<ServerErrorException>();
        error.RawBody.ShouldBe("<html><body>debug: Authorization was Bearer ***</body></html>");
    }

    [Fact]
    public async Task A_huge_body_is_kept_only_up_to_the_cap()
    {
        string body = new('x', 200_000);

        ApiErrorException error = await ErrorForAsync(Reply.With(500, body, "text/plain"));

        error.RawBody.ShouldNotBeNull().Length.ShouldBe(ApiErrorException.MaxRawBodyLength);
        error.Message.Length.ShouldBeLessThan(400);
    }
}
