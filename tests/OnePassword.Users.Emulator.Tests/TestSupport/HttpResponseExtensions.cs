using System.Net;
using System.Text.Json;

namespace OnePassword.Users.Emulator.Tests.TestSupport;

/// <summary>Reads and checks response bodies.</summary>
internal static class HttpResponseExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts a google.rpc.Status body with the HTTP status and gRPC code, and returns its message.</summary>
    public static async Task<string> ShouldBeStatusAsync(this HttpResponseMessage response, HttpStatusCode httpStatus, int grpcCode)
    {
        response.StatusCode.ShouldBe(httpStatus);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        var body = await response.JsonAsync();
        body.GetProperty("code").GetInt32().ShouldBe(grpcCode);
        body.GetProperty("details").GetArrayLength().ShouldBe(0);
        return body.GetProperty("message").GetString()!;
    }

    /// <summary>Asserts an RFC 6749 error body and returns its <c>error</c> code.</summary>
    public static async Task<string> ShouldBeOAuthErrorAsync(this HttpResponseMessage response, HttpStatusCode httpStatus)
    {
        response.StatusCode.ShouldBe(httpStatus);
        var body = await response.JsonAsync();
        body.GetProperty("error_description").GetString().ShouldNotBeNullOrEmpty();
        return body.GetProperty("error").GetString()!;
    }

    /// <summary>The page's user ids and its next page token (null when absent).</summary>
    public static async Task<(List<string> Ids, List<string> States, string? NextPageToken)> PageAsync(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        var results = body.GetProperty("results").EnumerateArray().ToList();
        var next = body.TryGetProperty("next_page_token", out var token) ? token.GetString() : null;
        return (
            [.. results.Select(user => user.GetProperty("id").GetString()!)],
            [.. results.Select(user => user.GetProperty("state").GetString()!)],
            next);
    }
}
