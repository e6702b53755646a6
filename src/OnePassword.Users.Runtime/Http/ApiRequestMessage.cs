namespace OnePassword.Users.Runtime;

/// <summary>
/// The request a generated operation sends: it carries the operation's descriptor and the call's
/// state as fields, so the pipeline's handlers read them without the allocation of the request's
/// options dictionary.
/// </summary>
internal sealed class ApiRequestMessage : HttpRequestMessage
{
    public ApiRequestMessage(ApiOperation operation, Uri requestUri)
        : base(operation.HttpMethod, requestUri)
    {
        Operation = operation;
    }

    public ApiOperation Operation { get; }

    public CallState State { get; } = new();
}
