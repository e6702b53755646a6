using System.Globalization;
using System.Text.Json;

namespace OnePassword.Users.Runtime;

/// <summary>
/// Appends audit records to a file as JSON lines (one object per line, snake_case names as the
/// API writes them), flushed to disk after each record, so a crash loses nothing that was done.
/// </summary>
public sealed class JsonLinesAuditSink : IAuditSink, IDisposable
{
    private readonly FileStream _file;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Opens (or creates) <paramref name="path"/> for appending; other processes may read it meanwhile.</summary>
    /// <param name="path">The file.</param>
    public JsonLinesAuditSink(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1, FileOptions.None);
    }

    /// <summary>Writes one record as one line, in the order records arrive.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels waiting for another write to finish.</param>
    /// <returns>A task that completes when the line is on disk.</returns>
    public async ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] line = Serialize(record);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _file.WriteAsync(line, CancellationToken.None).ConfigureAwait(false);
            _file.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _file.Dispose();
        _gate.Dispose();
    }

    /// <summary>One record as a JSON object and a newline.</summary>
    /// <param name="record">The record.</param>
    /// <returns>UTF-8 bytes.</returns>
    public static byte[] Serialize(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("time", record.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("operation", record.Operation);
            writer.WriteString("method", record.Method);
            writer.WriteString("account_id", record.AccountId);
            writer.WriteString("resource", record.Resource);
            writer.WriteString("outcome", record.Outcome switch
            {
                AuditOutcome.Succeeded => "succeeded",
                AuditOutcome.Rejected => "rejected",
                _ => "unknown",
            });
            WriteNumber(writer, "status", record.StatusCode);
            WriteNumber(writer, "rpc_code", record.RpcCode);
            writer.WriteString("error_type", record.ErrorType);
            writer.WriteNumber("attempts", record.Attempts);
            writer.WriteString("client_id", record.ClientId);
            writer.WriteString("correlation_id", record.CorrelationId);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
