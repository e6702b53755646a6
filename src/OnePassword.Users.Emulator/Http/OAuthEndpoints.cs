namespace OnePassword.Users.Emulator.Http;

/// <summary>The token (RFC 6749 client credentials) and revocation (RFC 7009) endpoints.</summary>
internal static class OAuthEndpoints
{
    private const string OnlyScope = "openid";

    public static async Task RequestTokenAsync(HttpContext context, EmulatorRuntime runtime)
    {
        if (FormRequests.AuthenticateClient(context.Request, runtime.State) is not { } client)
        {
            await RejectClientAsync(context).ConfigureAwait(false);
            return;
        }

        if (!FormRequests.IsUrlEncodedForm(context.Request))
        {
            await ApiResponses.WriteOAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "the body must be application/x-www-form-urlencoded").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var grantType = form["grant_type"];
        if (grantType.Count != 1 || string.IsNullOrEmpty(grantType[0]))
        {
            await ApiResponses.WriteOAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "grant_type is required exactly once").ConfigureAwait(false);
            return;
        }

        if (grantType[0] != "client_credentials")
        {
            await ApiResponses.WriteOAuthErrorAsync(context, StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant_type must be client_credentials").ConfigureAwait(false);
            return;
        }

        // Permissions live on the OAuth application, so openid is the only scope there is to ask for.
        if (form.TryGetValue("scope", out var scope) && (scope.Count != 1 || scope[0] != OnlyScope))
        {
            await ApiResponses.WriteOAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_scope", "the only scope is openid").ConfigureAwait(false);
            return;
        }

        var token = runtime.State.IssueToken(client, runtime.TokenLifetime);
        runtime.Statistics.RecordTokenIssued();
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        var body = new AccessTokenResponse(token.AccessToken, "Bearer", (int)Math.Ceiling(runtime.TokenLifetime.TotalSeconds), OnlyScope);
        await ApiResponses.WriteJsonAsync(context, StatusCodes.Status200OK, body, EmulatorJsonContext.Default.AccessTokenResponse).ConfigureAwait(false);
    }

    public static async Task RevokeTokenAsync(HttpContext context, EmulatorRuntime runtime)
    {
        if (FormRequests.AuthenticateClient(context.Request, runtime.State) is not { } client)
        {
            await RejectClientAsync(context).ConfigureAwait(false);
            return;
        }

        if (!FormRequests.IsUrlEncodedForm(context.Request))
        {
            await ApiResponses.WriteOAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "the body must be application/x-www-form-urlencoded").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var token = form["token"];
        if (token.Count != 1 || string.IsNullOrEmpty(token[0]))
        {
            await ApiResponses.WriteOAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "token is required exactly once").ConfigureAwait(false);
            return;
        }

        // RFC 7009 section 2.2: unknown, expired, revoked and other clients' tokens all answer 200,
        // so a caller learns nothing about tokens it does not own; only its own working token is revoked.
        if (runtime.State.RevokeToken(client, token[0]!))
        {
            runtime.Statistics.RecordTokenRevoked();
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
    }

    private static Task RejectClientAsync(HttpContext context) =>
        ApiResponses.WriteOAuthErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "client authentication failed");
}
