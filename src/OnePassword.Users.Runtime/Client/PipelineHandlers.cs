namespace OnePassword.Users.Runtime;

/// <summary>
/// The one description of the API client's HTTP pipeline, used by <see cref="ApiClientPipeline.Create"/>
/// and by dependency injection alike: its handlers, outermost first. Each factory returns null when
/// its part is not configured (no rate limits, no token). Token and revocation requests have no
/// handlers of their own: the token client guards them itself (see <see cref="TokenClient"/>).
/// </summary>
/// <remarks>
/// Outermost first: the operation scope (deadline, span, metrics, audit) sees the call's final
/// outcome, and its deadline covers everything below it; every retry takes its own rate-limit
/// permit and, after a 401, a fresh token; the transport guard bounds one exchange in time and
/// size, body included, because it reads the body before returning.
/// </remarks>
internal static class PipelineHandlers
{
    public static IReadOnlyList<Func<PipelineContext, DelegatingHandler?>> Api { get; } =
    [
        context => new OperationScopeHandler(context),
        context => new RetryHandler(context.Retry, context.TimeProvider, context.Logger("Retry"), context.Telemetry, context.ClientName),
        context => context.Limiter is { } limiter ? new RateLimitingHandler(limiter, context.RateLimit, context.TimeProvider, context.Logger("RateLimiting"), context.Telemetry, context.Tokens) : null,
        context => context.Tokens is { } tokens ? new BearerTokenHandler(tokens, context.AllowedHosts!) : null,
        context => new TransportGuardHandler(context.Options.MaxResponseBodySize, context.Options.Timeout, context.TimeProvider, "ApiClientOptions.Timeout"),
    ];

    /// <summary>Chains the handlers of <paramref name="factories"/> over <paramref name="inner"/>.</summary>
    public static HttpMessageHandler Chain(IReadOnlyList<Func<PipelineContext, DelegatingHandler?>> factories, PipelineContext context, HttpMessageHandler inner)
    {
        HttpMessageHandler handler = inner;
        for (int i = factories.Count - 1; i >= 0; i--)
        {
            if (factories[i](context) is { } outer)
            {
                outer.InnerHandler = handler;
                handler = outer;
            }
        }

        return handler;
    }
}
