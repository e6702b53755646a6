using Microsoft.AspNetCore.Http.Features;

namespace OnePassword.Users.Emulator.Http;

/// <summary>The emulator's only middleware: routes every request and makes sure even unknown routes answer a JSON Status.</summary>
internal sealed class RequestDispatcher(EmulatorRuntime runtime)
{
    public async Task HandleAsync(HttpContext context)
    {
        var route = RouteResolver.Resolve(context.Request.Method, RawPath(context));
        if (route.Operation is not { } operation)
        {
            runtime.Statistics.RecordUnmatched();
            if (route.AllowedMethod is { } allowed)
            {
                context.Response.Headers.Allow = allowed;
                await ApiResponses.WriteStatusAsync(context, GrpcCode.Unimplemented, $"method {context.Request.Method} is not allowed; use {allowed}").ConfigureAwait(false);
            }
            else
            {
                await ApiResponses.WriteStatusAsync(context, GrpcCode.NotFound, "no such route").ConfigureAwait(false);
            }

            return;
        }

        runtime.Statistics.RecordRequest(operation);
        var task = operation switch
        {
            EmulatorOperation.RequestAccessToken => OAuthEndpoints.RequestTokenAsync(context, runtime),
            EmulatorOperation.RevokeAccessToken => OAuthEndpoints.RevokeTokenAsync(context, runtime),
            _ => UsersEndpoints.HandleAsync(context, runtime, route),
        };
        await task.ConfigureAwait(false);
    }

    /// <summary>
    /// The request path exactly as sent, still percent-encoded. Kestrel's decoded
    /// <see cref="HttpRequest.Path"/> would turn <c>%3A</c> into a colon and misroute ids.
    /// </summary>
    private static string RawPath(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToUriComponent();
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? target : target[..query];

        // An absolute-form target (http://host/path), as sent to proxies, still has its path after the authority.
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (!path.StartsWith('/') && scheme >= 0)
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path[slash..];
        }

        return path;
    }
}
