using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OnePassword.Users.Runtime;
using Shouldly;

namespace OnePassword.Users.Resilience.Tests;

/// <summary>The factories on responses built in memory: odd bodies, odd URIs, malformed success responses.</summary>
public sealed class ApiErrorFactoryTests
{
    private static HttpResponseMessage Response(HttpStatusCode status, string uri = "https://api.1password.com/v1beta1/accounts/A/users?filter=user.isActive()")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        return new HttpResponseMessage(status) { RequestMessage = request };
    }

    [Theory]
    [InlineData("""{"code":"seven","message":5,"details":{}}""")]
    [InlineData("""{"code":1e99,"message":null,"details":[1,"x",null]}""")]
    [InlineData("""{"code":7""")]
    [InlineData("""{}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"error":{"code":7,"message":"nested"}}""")]
    [InlineData("null")]
    [InlineData("   ")]
    [InlineData("{\"code\":7,\"message\":\"\u0000\"}")]
    public void Odd_bodies_never_make_the_factory_throw(string body)
    {
        using HttpResponseMessage response = Response(HttpStatusCode.Forbidden);

        ApiErrorException error = ApiErrorException.FromResponse(response, body);

        error.ShouldBeOfType<PermissionDeniedException>();
        error.RawBody.ShouldBe(body);
    }

    [Fact]
    public void A_google_style_wrapped_error_is_read()
    {
        using HttpResponseMessage response = Response(HttpStatusCode.Forbidden);

        ApiErrorException error = ApiErrorException.FromResponse(response, """{"error":{"code":7,"message":"no_owner_remain","details":[]}}""");

        error.ShouldBeOfType<PermissionDeniedException>().IsNoOwnerRemain.ShouldBeTrue();
    }

    [Fact]
    public void A_body_not_read_leaves_RawBody_null()
    {
        using HttpResponseMessage response = Response(HttpStatusCode.NotFound);

        ApiErrorException error = ApiErrorException.FromResponse(response, body: null);

        error.ShouldBeOfType<NotFoundException>();
        error.RawBody.ShouldBeNull();
        error.Details.ShouldBeEmpty();
    }

    [Fact]
    public void User_info_is_dropped_from_the_uri_and_the_query_is_kept()
    {
        using HttpResponseMessage response = Response(HttpStatusCode.NotFound, "https://client:hunter2hunter2@api.1password.com/v1beta1/accounts/A/users?max_page_size=5");

        ApiErrorException error = ApiErrorException.FromResponse(response, "{\"code\":5}");

        error.RequestUri.ShouldBe(new Uri("https://api.1password.com/v1beta1/accounts/A/users?max_page_size=5"));
        error.Message.ShouldNotContain("hunter2");
        error.Message.ShouldStartWith("GET https://api.1password.com/v1beta1/accounts/A/users?max_page_size=5 failed with HTTP 404 (NotFound 5)");
    }

    [Fact]
    public void Basic_credentials_echoed_in_any_form_are_redacted()
    {
        using HttpResponseMessage response = Response(HttpStatusCode.Unauthorized, "https://api.1password.com/v1beta1/users/oauth2/token");
        string pair = "my-client-id:my-client-secret-123";
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
        response.RequestMessage!.Headers.Authorization = new AuthenticationHeaderValue("Basic", encoded);

        ApiErrorException error = ApiErrorException.FromResponse(
            response,
            $$"""{"error":"invalid_client","error_description":"bad secret my-client-secret-123 in {{encoded}} ({{pair}})"}""");

        foreach (string leaked in new[] { "my-client-secret-123", encoded })
        {
            error.Message.ShouldNotContain(leaked);
            error.RawBody!.ShouldNotContain(leaked);
            error.RpcMessage!.ShouldNotContain(leaked);
        }
    }

    [Fact]
    public void Retry_After_is_read_on_any_status()
    {
        using HttpResponseMessage response = Response(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        ApiErrorException.FromResponse(response, """{"code":14,"message":"unavailable"}""").RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public void A_malformed_success_response_names_the_status_and_shows_an_escaped_excerpt()
    {
        using HttpResponseMessage response = Response(HttpStatusCode.OK);
        string body = "{\"id\":\"U1\",\n\"email\":\u0001" + new string('z', 500);
        JsonException parseFailure = new("unexpected end of data");

        MalformedResponseException error = ApiErrorException.CreateMalformed(response, body, "the User JSON is truncated", parseFailure);

        error.ResponseStatusCode.ShouldBe(200);
        error.InnerException.ShouldBeSameAs(parseFailure);
        error.RawBody.ShouldBe(body);
        error.Message.ShouldContain("HTTP 200");
        error.Message.ShouldContain("the User JSON is truncated");
        error.Message.ShouldContain("{\"id\":\"U1\",\\n\"email\":\\u0001zzz");
        error.Message.ShouldNotContain("\n");
        error.Message.ShouldEndWith("z…\"");
        error.Message.Length.ShouldBeLessThan(body.Length);
    }

    [Fact]
    public void A_malformed_empty_response_says_it_was_empty()
    {
        using HttpResponseMessage response = Response(HttpStatusCode.OK);

        MalformedResponseException error = ApiErrorException.CreateMalformed(response, string.Empty, "a User was expected", inner: null);

        error.Message.ShouldBe("GET https://api.1password.com/v1beta1/accounts/A/users?filter=user.isActive() returned HTTP 200 that could not be read: a User was expected. The body was empty.");
    }
}
