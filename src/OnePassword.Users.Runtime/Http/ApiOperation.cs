using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// What the spec says about one operation, generated beside it and carried on its requests (as a
/// Kiota request option and in <see cref="HttpRequestMessage.Options"/>): its name, method and
/// path template, whether it may be sent twice, and whether it changes state. Retries, telemetry
/// and the audit trail read it, so they follow the spec like the rest of the client.
/// </summary>
public sealed class ApiOperation : IRequestOption
{
    internal static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(ApiOperation).FullName!);

    /// <summary>The URL template this operation's requests were last written from, parsed (see <see cref="UriTemplateExpander.ExpandPath"/>).</summary>
    internal UriTemplateExpander.ParsedTemplate? ParsedPathTemplate;

    /// <summary>Creates the descriptor; generated code makes one per operation.</summary>
    /// <param name="name">The spec's <c>operationId</c>, for example <c>suspendUser</c>.</param>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="pathTemplate">The path as the spec writes it, for example <c>/v1beta1/accounts/{account_id}/users/{user_id}:suspend</c>.</param>
    /// <param name="isIdempotent">Whether sending it twice has the effect of sending it once.</param>
    /// <param name="changesState">Whether it changes state, and so is audited.</param>
    public ApiOperation(string name, string method, string pathTemplate, bool isIdempotent, bool changesState)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentNullException.ThrowIfNull(pathTemplate);
        Name = name;
        Method = method;
        HttpMethod = HttpMethods.Of(method);
        PathTemplate = pathTemplate;
        IsIdempotent = isIdempotent;
        ChangesState = changesState;
    }

    /// <summary>The spec's <c>operationId</c>.</summary>
    public string Name { get; }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path template as the spec writes it; the <c>url.template</c> of telemetry.</summary>
    public string PathTemplate { get; }

    /// <summary>Whether sending it twice has the effect of sending it once, so it is retried even after a failure that may have reached the server.</summary>
    public bool IsIdempotent { get; }

    /// <summary>Whether it changes state (every method but GET, HEAD, OPTIONS and TRACE unless the spec's <c>x-audit</c> says otherwise).</summary>
    public bool ChangesState { get; }

    internal HttpMethod HttpMethod { get; }

    /// <summary>The operation a request was made for, when a generated client made it.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The descriptor, or null.</returns>
    public static ApiOperation? Of(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request is ApiRequestMessage api ? api.Operation
            : request.Options.TryGetValue(Key, out IRequestOption? option) ? option as ApiOperation : null;
    }

    /// <summary>Attaches this descriptor to a request.</summary>
    /// <param name="request">The request.</param>
    public void ApplyTo(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Key, this);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Method} {PathTemplate})";
}
