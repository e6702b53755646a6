using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The outermost handler: one logical operation, from the first attempt to the final answer.
/// It holds the call to one deadline (<see cref="ApiClientOptions.CallTimeout"/>) across
/// rate-limit waits, token requests and every retry, so no call outlives it. It opens the
/// operation's span (named by the spec's operationId; the HTTP spans that <c>System.Net.Http</c>
/// emits for each attempt become its children), records the operation's duration, logs a failed
/// call, and writes the audit record of a state-changing one.
/// </summary>
/// <remarks>
/// With nobody listening it costs a timestamp and a pooled deadline: the span is only created
/// when the source has listeners, the histogram's tags only when it is collected, and the audit
/// record only when a sink would keep it.
/// </remarks>
internal sealed class OperationScopeHandler : DelegatingHandler
{
    private readonly PipelineContext _context;
    private readonly ILogger _calls;
    private readonly ILogger _audit;

    public OperationScopeHandler(PipelineContext context)
    {
        _context = context;
        _calls = context.Logger("Calls");
        _audit = context.LoggerFactory.CreateLogger(LoggerAuditSink.Category);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        InnerSend.Result(request, HandleAsync(request, cancellationToken));

    private async ValueTask<HttpResponseMessage> HandleAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ApiOperation? operation = ApiOperation.Of(request);
        ICallState state = CallState.Attach(request);
        long started = _context.TimeProvider.GetTimestamp();
        using Activity? activity = operation is not null && ApiTelemetry.ActivitySource.HasListeners()
            ? ApiTelemetry.ActivitySource.StartActivity(operation.Name, ActivityKind.Internal)
            : null;
        if (activity is not null)
        {
            activity.SetTag(TelemetryNames.UrlTemplate, operation!.PathTemplate);
            activity.SetTag(TelemetryNames.HttpMethod, operation.Method);
        }

        HttpResponseMessage? response = null;
        Exception? failure = null;
        using CallDeadline? deadline = CallDeadline.Start(_context.Options.CallTimeout, _context.TimeProvider, started, cancellationToken, _context.Stopping);
        state.Deadline = deadline;
        try
        {
            response = await InnerSend.Track(request, base.SendAsync(request, deadline?.Token ?? cancellationToken)).ConfigureAwait(false);
            return response;
        }
        catch (Exception exception) when (deadline is { Expired: true } && exception is OperationCanceledException or ApiTransportException { Failure: TransportFailure.Timeout })
        {
            failure = DeadlineExceeded(request, exception);
            throw failure;
        }
        catch (Exception exception) when (_context.Stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested && exception is OperationCanceledException or ApiTransportException { Failure: TransportFailure.Timeout })
        {
            // The client was disposed while the call waited: that is what ended it, not a timeout.
            failure = ClientDisposed(request, exception);
            throw failure;
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            state.Deadline = null;
            await CompleteAsync(request, operation, state, activity, response, failure, cancellationToken, started).ConfigureAwait(false);
        }
    }

    /// <summary>Records the outcome; only an audit record that a sink keeps makes it wait, so the rest runs without an async frame.</summary>
    private ValueTask CompleteAsync(HttpRequestMessage request, ApiOperation? operation, ICallState state, Activity? activity, HttpResponseMessage? response, Exception? failure, CancellationToken cancellationToken, long started)
    {
        int? status = response is null ? (failure as ApiErrorException)?.ResponseStatusCode : (int)response.StatusCode;
        bool succeeded = failure is null && response is { IsSuccessStatusCode: true };
        string? errorType = succeeded ? null : ErrorTypeOf(failure, status, cancellationToken);
        int? rpcCode = succeeded ? null : (failure as ApiErrorException)?.RpcCode ?? RpcCodeOf(response);
        string name = operation?.Name ?? request.Method.Method;

        // The clock is read a second time only for a listener or a log line that reports the duration.
        bool measured = _context.Telemetry.OperationDuration.Enabled || !succeeded || _calls.IsEnabled(LogLevel.Debug);
        TimeSpan elapsed = measured ? _context.TimeProvider.GetElapsedTime(started) : TimeSpan.Zero;

        // The tags box the status code: built only when a listener collects the histogram.
        if (_context.Telemetry.OperationDuration.Enabled)
        {
            var tags = new TagList
            {
                { TelemetryNames.Operation, name },
                { TelemetryNames.Outcome, succeeded ? "success" : "failure" },
                { TelemetryNames.ClientName, _context.ClientName },
            };
            if (errorType is not null)
            {
                tags.Add(TelemetryNames.ErrorType, errorType);
            }

            if (status is { } code)
            {
                tags.Add(TelemetryNames.StatusCode, code);
            }

            _context.Telemetry.OperationDuration.Record(elapsed.TotalSeconds, tags);
        }

        if (activity is not null)
        {
            activity.SetTag(TelemetryNames.StatusCode, status);
            if (state.Attempts > 1)
            {
                activity.SetTag(TelemetryNames.ResendCount, state.Attempts - 1);
            }

            if (state.RateLimitWait > TimeSpan.Zero)
            {
                activity.SetTag(TelemetryNames.RateLimitWait, state.RateLimitWait.TotalSeconds);
            }

            if (errorType is not null)
            {
                activity.SetTag(TelemetryNames.ErrorType, errorType);
                activity.SetTag(TelemetryNames.RpcCode, rpcCode);
                activity.SetStatus(ActivityStatusCode.Error, errorType);
            }
        }

        long elapsedMilliseconds = (long)elapsed.TotalMilliseconds;
        if (!succeeded)
        {
            CallLog.CallFailed(_calls, name, request.Method.Method, LoggedUri(request), errorType!, status, rpcCode, state.Attempts, elapsedMilliseconds);
        }
        else if (_calls.IsEnabled(LogLevel.Debug))
        {
            CallLog.CallSucceeded(_calls, name, request.Method.Method, LoggedUri(request), status!.Value, state.Attempts, elapsedMilliseconds);
        }

        // The default sink logs; with no logger listening the record would be dropped, so it is not built.
        return operation is { ChangesState: true } && _context.AuditSink is not LoggerAuditSink { IsEnabled: false }
            ? new ValueTask(AuditAsync(request, operation, state, activity, succeeded, status, rpcCode, errorType))
            : default;
    }

    private async Task AuditAsync(HttpRequestMessage request, ApiOperation operation, ICallState state, Activity? activity, bool succeeded, int? status, int? rpcCode, string? errorType)
    {
        (string resource, string? accountId) = ResourceName.Of(operation, request.RequestUri);
        AuditOutcome outcome = succeeded ? AuditOutcome.Succeeded : status is >= 300 ? AuditOutcome.Rejected : AuditOutcome.Unknown;
        string correlationId = (activity ?? Activity.Current)?.TraceId.ToHexString() ?? Guid.NewGuid().ToString("N");
        var record = new AuditRecord(
            _context.TimeProvider.GetUtcNow().ToUniversalTime(),
            operation.Name,
            operation.Method,
            accountId,
            resource,
            outcome,
            status,
            rpcCode,
            errorType,
            state.Attempts,
            _context.Options.ClientId ?? string.Empty,
            correlationId);
        try
        {
            // No cancellation: a call the caller gave up on may still have changed state, and its record matters most.
            await _context.AuditSink.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The change is made by now; a broken sink must not turn it into a failed call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            AuditLog.SinkFailed(_audit, exception, _context.AuditSink.GetType().Name, operation.Name, resource);
        }
    }

    private ApiTransportException DeadlineExceeded(HttpRequestMessage request, Exception exception) => new(
        TransportFailure.Timeout,
        request.Method.Method,
        request.RequestUri,
        $"the call took longer than its deadline of {_context.Options.CallTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (ApiClientOptions.CallTimeout)",
        exception);

    private static ObjectDisposedException ClientDisposed(HttpRequestMessage request, Exception exception) => new(
        $"{request.Method.Method} {LoggedUri(request)}: the client was disposed while the call was waiting (for a permit, a token or a retry); the call was not finished",
        exception);

    private static string LoggedUri(HttpRequestMessage request) =>
        request.RequestUri is null ? string.Empty : UriText.WithoutUserInfo(request.RequestUri);

    /// <summary>Low cardinality: the status code, the transport failure, <c>cancelled</c>, or the exception's type.</summary>
    private static string ErrorTypeOf(Exception? failure, int? status, CancellationToken cancellationToken) => failure switch
    {
        ApiTransportException transport => transport.Failure switch
        {
            TransportFailure.ConnectionFailed => "connection_failed",
            TransportFailure.ResponseIncomplete => "response_incomplete",
            TransportFailure.InvalidResponse => "invalid_response",
            _ => "timeout",
        },
        OperationCanceledException when cancellationToken.IsCancellationRequested => "cancelled",
        ApiErrorException when status is { } code => code.ToString(CultureInfo.InvariantCulture),
        null when status is { } code => code.ToString(CultureInfo.InvariantCulture),
        null => "unknown",
        _ => failure.GetType().FullName ?? failure.GetType().Name,
    };

    /// <summary>The <c>google.rpc.Status</c> code of an error answer the guard has already read.</summary>
    private static int? RpcCodeOf(HttpResponseMessage? response) =>
        response is { IsSuccessStatusCode: false } && ResponseText.Buffered(response.Content, ApiErrorException.MaxRawBodyLength) is { } body
            ? ErrorBody.Read(body).Code
            : null;
}
