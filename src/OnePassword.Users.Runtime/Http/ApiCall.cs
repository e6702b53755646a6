using System.Diagnostics.CodeAnalysis;
using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// How generated operations send a request: on an <see cref="ApiRequestAdapter"/> through its
/// short path, on any other Kiota adapter through a response handler. Either way the body is
/// read by the generated reader and errors become typed exceptions.
/// </summary>
public static class ApiCall
{
    /// <summary>Sends the request and reads the JSON response.</summary>
    /// <typeparam name="T">The response model.</typeparam>
    /// <param name="adapter">The request adapter.</param>
    /// <param name="request">The request.</param>
    /// <param name="read">The generated reader.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response model.</returns>
    public static async Task<T> SendJsonAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(IRequestAdapter adapter, RequestInformation request, JsonValueReader<T> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(read);
        if (adapter is ApiRequestAdapter fast)
        {
            return (await fast.SendAsync(request, read, cancellationToken).ConfigureAwait(false))!;
        }

        request.AddRequestOptions([new ResponseHandlerOption { ResponseHandler = new JsonResponseHandler<T>(read, cancellationToken) }]);
        var result = await adapter.SendPrimitiveAsync<T>(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result!;
    }

    /// <summary>Sends a request whose success response has no body.</summary>
    /// <param name="adapter">The request adapter.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the API has answered with success.</returns>
    public static async Task SendNoContentAsync(IRequestAdapter adapter, RequestInformation request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(request);
        if (adapter is ApiRequestAdapter fast)
        {
            await fast.SendAsync<object>(request, null, cancellationToken).ConfigureAwait(false);
            return;
        }

        request.AddRequestOptions([new ResponseHandlerOption { ResponseHandler = new JsonResponseHandler<object>(null, cancellationToken) }]);
        await adapter.SendNoContentAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
