using Microsoft.AspNetCore.Http;

namespace OnePassword.Users.Resilience.Tests.Infrastructure;

/// <summary>Script steps for <see cref="LoopbackServer"/>.</summary>
internal static class Reply
{
    public static Func<HttpContext, Task> With(int status, string? body = null, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        HttpReply.With(status, body, contentType, headers);

    public static Func<HttpContext, Task> Ok(string body = """{"id":"U1"}""") => With(200, body);

    public static Func<HttpContext, Task> Status(int status, int code, string message, params (string Name, string Value)[] headers) =>
        With(status, $$"""{"code":{{code}},"message":"{{message}}","details":[]}""", "application/json", headers);

    /// <summary>Closes the connection without an answer, as a crashed server or a broken proxy would.</summary>
    public static Func<HttpContext, Task> Abort() => context =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    /// <summary>Answers with the request's own Authorization header in the body, as a careless debug page might.</summary>
    public static Func<HttpContext, Task> EchoAuthorization(int status) => context =>
        With(status, $"<html><body>debug: Authorization was {context.Request.Headers.Authorization}</body></html>", "text/html")(context);
}
