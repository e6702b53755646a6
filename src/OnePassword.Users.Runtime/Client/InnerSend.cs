namespace OnePassword.Users.Runtime;

/// <summary>
/// Lets each of the SDK's handlers write its logic once, as an async method returning a
/// <see cref="ValueTask{TResult}"/>, and still hand <see cref="HttpClient"/> the inner handler's
/// own task when everything below answered at once (a cached response, an in-memory transport).
/// An <c>async Task</c> override allocates a task per handler even then, five for one call
/// through the pipeline; this way a call that completes synchronously allocates none of them,
/// and one that waits costs what it did (the awaiting method's task, as before).
/// </summary>
/// <remarks>
/// Only a generated request (<see cref="ApiRequestMessage"/>) has room to remember the inner
/// task; any other request gets a completed task of its own, as an <c>async Task</c> would give it.
/// A request is never in two sends at once (<see cref="HttpClient"/> refuses that), so the one
/// field cannot be raced.
/// </remarks>
internal static class InnerSend
{
    /// <summary>Remembers the task of the handler below on a generated request, and returns it to await.</summary>
    /// <param name="request">The request being sent.</param>
    /// <param name="sending">What <c>base.SendAsync</c> returned.</param>
    public static Task<HttpResponseMessage> Track(HttpRequestMessage request, Task<HttpResponseMessage> sending)
    {
        if (request is ApiRequestMessage api)
        {
            api.LastInnerSend = sending;
        }

        return sending;
    }

    /// <summary>
    /// The task a handler returns for <paramref name="handled"/>: when it completed at once with the
    /// very response the inner handler's completed task holds, that task; otherwise its own.
    /// </summary>
    /// <param name="request">The request being sent.</param>
    /// <param name="handled">The handler's own work.</param>
    public static Task<HttpResponseMessage> Result(HttpRequestMessage request, ValueTask<HttpResponseMessage> handled)
    {
        if (!handled.IsCompletedSuccessfully)
        {
            return handled.AsTask();
        }

        HttpResponseMessage response = handled.Result;
        return request is ApiRequestMessage { LastInnerSend: { IsCompletedSuccessfully: true } inner } && ReferenceEquals(inner.Result, response)
            ? inner
            : Task.FromResult(response);
    }
}
