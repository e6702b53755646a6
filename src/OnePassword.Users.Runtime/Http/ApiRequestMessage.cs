namespace OnePassword.Users.Runtime;

/// <summary>
/// The request a generated operation sends: it carries the operation's descriptor and the call's
/// state as fields, so the pipeline's handlers read them without the allocation of the request's
/// options dictionary or of a separate state object.
/// </summary>
internal sealed class ApiRequestMessage : HttpRequestMessage, ICallState
{
    public ApiRequestMessage(ApiOperation operation, Uri requestUri)
        : base(operation.HttpMethod, requestUri)
    {
        Operation = operation;
    }

    public ApiOperation Operation { get; }

    /// <summary>Whether the SDK put Kiota request options in <see cref="HttpRequestMessage.Options"/>; until then nobody reads them.</summary>
    public bool HasRequestOptions { get; set; }

    /// <inheritdoc />
    public int Attempts { get; set; } = 1;

    /// <inheritdoc />
    public TimeSpan RateLimitWait { get; set; }

    /// <inheritdoc />
    public CallDeadline? Deadline { get; set; }

    /// <inheritdoc />
    public AccessToken? PrefetchedToken { get; set; }

    /// <summary>The task of the last send below the SDK handler that ran last; see <see cref="InnerSend"/>.</summary>
    public Task<HttpResponseMessage>? LastInnerSend { get; set; }
}
