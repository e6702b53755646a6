namespace OnePassword.Users.Emulator.Http;

/// <summary>
/// What every users request passes before its operation runs, in this order: bearer-token
/// authentication (401), the client's rate limits (429), then injected faults. Faults come after
/// the rate limit so a faulted request still uses a slot, as it would at a real gateway, and
/// before the operation so a faulted request never changes state.
/// </summary>
internal static class UsersRequestGate
{
    /// <summary>The token's client when the request may proceed; <see langword="null"/> when a response was already sent or the connection dropped.</summary>
    public static async Task<(IssuedToken Token, EmulatorClient Client)?> PassAsync(HttpContext context, EmulatorRuntime runtime)
    {
        var authenticated = Authenticate(context.Request, runtime.State);
        if (authenticated is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ApiResponses.WriteStatusAsync(context, GrpcCode.Unauthenticated, "invalid or expired access token").ConfigureAwait(false);
            return null;
        }

        if (runtime.RateLimiter?.TryAcquire(authenticated.Value.Client.ClientId) is { Allowed: false } rejection)
        {
            runtime.Statistics.RecordRateLimited();
            context.Response.Headers.RetryAfter = RetryAfterHeader.Format(rejection.RetryAfter, runtime.TimeProvider.GetUtcNow(), runtime.RetryAfterFormat);
            await ApiResponses.WriteStatusAsync(context, GrpcCode.ResourceExhausted, "rate limit exceeded").ConfigureAwait(false);
            return null;
        }

        return await InjectFaultsAsync(context, runtime).ConfigureAwait(false) ? null : authenticated;
    }

    private static (IssuedToken Token, EmulatorClient Client)? Authenticate(HttpRequest request, EmulatorState state)
    {
        const string Scheme = "Bearer ";
        string? authorization = request.Headers.Authorization;
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[Scheme.Length..].Trim();
        return token.Length == 0 ? null : state.FindActiveToken(token);
    }

    /// <summary>Applies the faults chosen for this request; <see langword="true"/> when one replaced the response.</summary>
    private static async Task<bool> InjectFaultsAsync(HttpContext context, EmulatorRuntime runtime)
    {
        var decision = runtime.Faults.Decide();
        if (decision.Latency > TimeSpan.Zero)
        {
            try
            {
                // Real time on purpose: a fake clock would never advance while the request waits.
                await Task.Delay(decision.Latency, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return true;
            }
        }

        if (decision.DropConnection)
        {
            runtime.Statistics.RecordDroppedConnection();
            context.Abort();
            return true;
        }

        if (decision.ErrorStatus is { } status)
        {
            runtime.Statistics.RecordInjectedError();
            var (code, message) = status == StatusCodes.Status500InternalServerError
                ? (GrpcCode.Internal, "internal error (injected by the emulator)")
                : (GrpcCode.Unavailable, "service unavailable (injected by the emulator)");
            await ApiResponses.WriteStatusAsync(context, code, message).ConfigureAwait(false);
            return true;
        }

        return false;
    }
}
