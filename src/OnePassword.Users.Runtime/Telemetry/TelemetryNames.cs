namespace OnePassword.Users.Runtime;

/// <summary>
/// The names of everything the SDK reports to OpenTelemetry, in the semantic-convention style:
/// one <see cref="System.Diagnostics.ActivitySource"/> and one <see cref="System.Diagnostics.Metrics.Meter"/>
/// named after the package, standard attribute names where a convention exists
/// (<c>url.template</c>, <c>http.request.resend_count</c>, <c>error.type</c>,
/// <c>rpc.grpc.status_code</c>), and <c>onepassword.*</c> names for the rest.
/// </summary>
public static class TelemetryNames
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> and the <see cref="System.Diagnostics.Metrics.Meter"/>: add it to your tracer and meter providers.</summary>
    public const string Source = "OnePassword.Users";

    /// <summary>The spec's path template of the operation, for example <c>/v1beta1/accounts/{account_id}/users/{user_id}:suspend</c>.</summary>
    public const string UrlTemplate = "url.template";

    /// <summary>The HTTP method.</summary>
    public const string HttpMethod = "http.request.method";

    /// <summary>How many times the request was sent again after its first attempt.</summary>
    public const string ResendCount = "http.request.resend_count";

    /// <summary>The final HTTP status, when there was a response.</summary>
    public const string StatusCode = "http.response.status_code";

    /// <summary>A low-cardinality description of a failure: the HTTP status (<c>429</c>), the transport failure (<c>timeout</c>, <c>connection_failed</c>, ...), or the exception's type name.</summary>
    public const string ErrorType = "error.type";

    /// <summary>The <c>google.rpc.Status</c> code of an error body (a gRPC canonical code).</summary>
    public const string RpcCode = "rpc.grpc.status_code";

    /// <summary>The spec's operationId.</summary>
    public const string Operation = "onepassword.operation";

    /// <summary><c>success</c> or <c>failure</c>.</summary>
    public const string Outcome = "onepassword.outcome";

    /// <summary>The client's name: the name it was registered under, or <c>default</c>.</summary>
    public const string ClientName = "onepassword.client.name";

    /// <summary>Why a request is retried: the HTTP status, or the transport failure.</summary>
    public const string RetryReason = "onepassword.retry.reason";

    /// <summary>Seconds the call waited for the client-side rate limiter, in all.</summary>
    public const string RateLimitWait = "onepassword.rate_limit.wait";

    /// <summary>Histogram, seconds: one logical operation, retries and waits included, by operation and outcome.</summary>
    public const string OperationDuration = "onepassword.client.operation.duration";

    /// <summary>Counter: requests sent again, by operation and reason.</summary>
    public const string Retries = "onepassword.client.retries";

    /// <summary>Histogram, seconds: how long a request waited for a rate-limit permit.</summary>
    public const string RateLimitWaitDuration = "onepassword.client.rate_limit.wait.duration";

    /// <summary>Observable gauge: requests the client may still send now within its rate budget.</summary>
    public const string RateLimitRemaining = "onepassword.client.rate_limit.remaining";

    /// <summary>Observable gauge: 1 while a fleet's shared rate budget is unavailable and the client paces with its local fallback, else 0.</summary>
    public const string RateLimitFallback = "onepassword.client.rate_limit.fallback";

    /// <summary>Counter: access-token requests, by outcome.</summary>
    public const string TokenRefreshes = "onepassword.client.token.refreshes";
}
