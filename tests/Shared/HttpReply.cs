using Microsoft.AspNetCore.Http;

namespace OnePassword.Users.Testing;

/// <summary>The basic step of a scripted loopback server: answer with a status, headers and a body.</summary>
internal static class HttpReply
{
    public static Func<HttpContext, Task> With(int status, string? body = null, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        async context =>
        {
            context.Response.StatusCode = status;
            foreach ((string name, string value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            if (body is not null)
            {
                context.Response.ContentType = contentType;
                await context.Response.WriteAsync(body, context.RequestAborted);
            }
        };
}
