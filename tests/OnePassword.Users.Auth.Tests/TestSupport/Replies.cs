using Microsoft.AspNetCore.Http;

namespace OnePassword.Users.Auth.Tests.TestSupport;

/// <summary>Script steps for <see cref="ScriptedServer"/>.</summary>
internal static class Replies
{
    public static Func<HttpContext, Task> With(int status, string? body = null, string contentType = "application/json", params (string Name, string Value)[] headers) =>
        HttpReply.With(status, body, contentType, headers);

    /// <summary>An RFC 6749 section 5.1 token response.</summary>
    public static Func<HttpContext, Task> Token(string value, int expiresIn = 900) =>
        With(200, $$"""{"access_token":"{{value}}","token_type":"Bearer","expires_in":{{expiresIn}},"scope":"openid"}""", "application/json", ("Cache-Control", "no-store"));

    /// <summary>An RFC 6749 section 5.2 error response.</summary>
    public static Func<HttpContext, Task> OAuthError(int status, string error, string description, params (string Name, string Value)[] headers) =>
        With(status, $$"""{"error":"{{error}}","error_description":"{{description}}"}""", "application/json", headers);

    /// <summary>Issues <c>prefix-1</c>, <c>prefix-2</c>, ... to successive requests.</summary>
    public static Func<HttpContext, Task> NumberedTokens(string prefix = "token", int expiresIn = 900)
    {
        int issued = 0;
        return context => Token($"{prefix}-{Interlocked.Increment(ref issued)}", expiresIn)(context);
    }

    /// <summary>Holds the answer until <paramref name="release"/> completes, then runs <paramref name="step"/>.</summary>
    public static Func<HttpContext, Task> After(Task release, Func<HttpContext, Task> step) => async context =>
    {
        await release.WaitAsync(context.RequestAborted);
        await step(context);
    };

    /// <summary>200 with no body, as the revocation endpoint answers.</summary>
    public static Func<HttpContext, Task> Empty(int status = 200) => context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };
}
