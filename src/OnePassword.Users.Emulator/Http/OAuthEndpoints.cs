namespace OnePassword.Users.Emulator.Http;

/// <summary>The token (RFC 6749 client credentials) and revocation (RFC 7009) endpoints.</summary>
internal static class OAuthEndpoints
{
    private const string OnlyScope = "openid";

    public static async Task RequestTokenAsync(HttpContext context, EmulatorRuntime runtime)
    {
        if (await ReadClientFormAsync(context, runtime, "grant_type").ConfigureAwait(false) is not var (client, form, grantType))
        {
            return;
        }

        if (grantType != "client_credentials")
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
        if (await ReadClientFormAsync(context, runtime, "token").ConfigureAwait(false) is not var (client, _, token))
        {
            return;
        }

        // RFC 7009 section 2.2: unknown, expired, revoked and other clients' tokens all answer 200,
        // so a caller learns nothing about tokens it does not own; only its own working token is revoked.
        if (runtime.State.RevokeToken(client, token))
        {
            runtime.Statistics.RecordTokenRevoked();
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentLength = 0;
    }

    private static Task RejectClientAsync(HttpContext context) =>
        ApiResponses.WriteOAuthErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", "client authentication failed");
    /// <summary>
    /// What both endpoints check first: the client's Basic credentials (401), a form body and
    /// one required field (400). On failure the OAuth error is written and null returned.
    /// </summary>
    private static async Task<(EmulatorClient Client, IFormCollection Form, string Value)?> ReadClientFormAsync(HttpContext context, EmulatorRuntime runtime, string requiredField)
    {
        if (FormRequests.AuthenticateClient(context.Request, runtime.State) is not { } client)
        {
            await RejectClientAsync(context).ConfigureAwait(false);
            return null;
        }

        if (!FormRequests.IsUrlEncodedForm(context.Request))
        {
            await ApiResponses.WriteOAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "the body must be application/x-www-form-urlencoded").ConfigureAwait(false);
            return null;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var values = form[requiredField];
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            await ApiResponses.WriteOAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", requiredField + " is required exactly once").ConfigureAwait(false);
            return null;
        }

        return (client, form, values[0]!);
    }

}
