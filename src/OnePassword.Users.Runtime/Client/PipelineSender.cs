namespace OnePassword.Users.Runtime;

/// <summary>
/// How a client made by a generated <c>Create</c> method hands its generated requests to its own
/// handlers: straight to the outermost one, not through <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>.
/// That client has no base address and no timeout (the handlers bound every exchange), so
/// <see cref="HttpClient"/> would add nothing but its cost: a copy of its default headers, an
/// async frame and its task, and a cancellable token of its own on which the call's deadline
/// and the attempt's limit would each register, on every call. The one default header it would
/// copy, <c>User-Agent</c>, is set here.
/// </summary>
/// <remarks>Requests the adapter hands to Kiota still go through the <see cref="HttpClient"/> over the same handlers.</remarks>
internal sealed class PipelineSender : HttpMessageInvoker
{
    private readonly string _userAgent;

    /// <param name="pipeline">The outermost handler; not disposed here (the pipeline's HttpClient owns it).</param>
    /// <param name="userAgent">The checked <see cref="ApiClientOptions.UserAgent"/>.</param>
    public PipelineSender(HttpMessageHandler pipeline, string userAgent)
        : base(pipeline, disposeHandler: false)
    {
        _userAgent = userAgent;
    }

    public override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        UserAgentHeader.ApplyTo(request, _userAgent);
        return base.SendAsync(request, cancellationToken);
    }
}
