using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The outermost handler: one logical operation, from the first attempt to the final answer.
/// It opens the operation's span (named by the spec's operationId; the HTTP spans that
/// <c>System.Net.Http</c> emits for each attempt become its children), records the operation's
/// duration, logs a failed call, and writes the audit record of a state-changing one.
/// </summary>
/// <remarks>
/// With nobody listening it costs a timestamp, one histogram record and, for a state-changing
/// call, the audit record; the span is only created when the source has listeners.
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

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ApiOperation? operation = ApiOperation.Of(request);
        CallState state = CallState.Attach(request);
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
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            await CompleteAsync(request, operation, state, activity, response, failure, cancellationToken, _context.TimeProvider.GetElapsedTime(started)).ConfigureAwait(false);
        }
    }

    private async Task CompleteAsync(HttpRequestMessage request, ApiOperation? operation, CallState state, Activity? activity, HttpResponseMessage? response, Exception? failure, CancellationToken cancellationToken, TimeSpan elapsed)
    {
        int? status = response is null ? (failure as ApiErrorException)?.ResponseStatusCode : (int)response.StatusCode;
        bool succeeded = failure is null && response is { IsSuccessStatusCode: true };
        string? errorType = succeeded ? null : ErrorTypeOf(failure, status, cancellationToken);
        int? rpcCode = succeeded ? null : (failure as ApiErrorException)?.RpcCode ?? RpcCodeOf(response);
        string name = operation?.Name ?? request.Method.Method;

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

        string uri = request.RequestUri is null ? string.Empty : UriText.WithoutUserInfo(request.RequestUri);
        long elapsedMilliseconds = (long)elapsed.TotalMilliseconds;
        if (!succeeded)
        {
            CallLog.CallFailed(_calls, name, request.Method.Method, uri, errorType!, status, rpcCode, state.Attempts, elapsedMilliseconds);
        }
        else if (_calls.IsEnabled(LogLevel.Debug))
        {
            CallLog.CallSucceeded(_calls, name, request.Method.Method, uri, status!.Value, state.Attempts, elapsedMilliseconds);
        }

        if (operation is { ChangesState: true })
        {
            await AuditAsync(request, operation, state, activity, succeeded, status, rpcCode, errorType).ConfigureAwait(false);
        }
    }

    private async Task AuditAsync(HttpRequestMessage request, ApiOperation operation, CallState state, Activity? activity, bool succeeded, int? status, int? rpcCode, string? errorType)
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
