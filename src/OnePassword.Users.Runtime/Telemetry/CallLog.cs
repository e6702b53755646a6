using Microsoft.Extensions.Logging;

namespace OnePassword.Users.Runtime;

/// <summary>The log events of whole calls (ids 4001-4099).</summary>
internal static partial class CallLog
{
    [LoggerMessage(EventId = 4001, EventName = "CallFailed", Level = LogLevel.Warning, Message = "{Operation} ({Method} {Uri}) failed with {ErrorType} (HTTP {StatusCode}, rpc code {RpcCode}) after {Attempts} attempt(s) in {ElapsedMilliseconds} ms")]
    public static partial void CallFailed(ILogger logger, string operation, string method, string uri, string errorType, int? statusCode, int? rpcCode, int attempts, long elapsedMilliseconds);

    [LoggerMessage(EventId = 4002, EventName = "CallSucceeded", Level = LogLevel.Debug, Message = "{Operation} ({Method} {Uri}) answered HTTP {StatusCode} after {Attempts} attempt(s) in {ElapsedMilliseconds} ms")]
    public static partial void CallSucceeded(ILogger logger, string operation, string method, string uri, int statusCode, int attempts, long elapsedMilliseconds);
}
