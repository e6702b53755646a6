using System.Text;
using OnePassword.Users.Cli.Bulk;

namespace OnePassword.Users.Cli.Journal;

/// <summary>
/// The record of a bulk run, one JSON object per line (see <see cref="JournalFormat"/>), written as
/// things happen and flushed to disk line by line: a run killed with SIGKILL, or a machine that
/// loses power, leaves every completed call on record. Before each state-changing call an
/// <c>attempt</c> line is written, so a call cut off by a kill is known to have perhaps happened,
/// and a resume checks that user again. The file is readable by its owner only: it names users.
/// </summary>
internal sealed class JournalWriter : IBulkSink, IDisposable
{
    private readonly FileStream _file;
    private readonly TimeProvider _time;
    private StateChange? _change;

    private JournalWriter(string path, FileStream file, TimeProvider time)
    {
        Path = path;
        _file = file;
        _time = time;
    }

    public string Path { get; }

    /// <summary>Opens a new journal, or an existing one to append a resumed run to it.</summary>
    /// <exception cref="UsageException">The file cannot be created (or, when not appending, already exists).</exception>
    public static JournalWriter Open(string path, bool append, TimeProvider time)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        try
        {
            if (System.IO.Path.GetDirectoryName(fullPath) is { } directory)
            {
                if (OperatingSystem.IsWindows())
                {
                    Directory.CreateDirectory(directory);
                }
                else
                {
                    Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            var options = new FileStreamOptions
            {
                Mode = append ? FileMode.Append : FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.Read,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            return new JournalWriter(fullPath, new FileStream(fullPath, options), time);
        }
        catch (IOException exists) when (!append && File.Exists(fullPath))
        {
            throw new UsageException($"The journal '{fullPath}' already exists. Continue that run with --resume {fullPath}, or give --journal another file.", exists);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"Cannot write the journal '{fullPath}': {exception.Message}. Give --journal a file you can write.", exception);
        }
    }

    public Task RunStartedAsync(BulkRun run)
    {
        _change = run.Change;
        Write(JournalFormat.RunLine(run, ToolVersion.Current));
        return Task.CompletedTask;
    }

    public Task AttemptingAsync(int index, string userId)
    {
        Write(JournalFormat.AttemptLine(index, userId, _change!, _time.GetUtcNow()));
        return Task.CompletedTask;
    }

    public Task OutcomeAsync(BulkOutcome outcome)
    {
        // An outcome that was already on record (done in an earlier run) is not repeated.
        if (outcome.Kind != OutcomeKind.DoneEarlier)
        {
            Write(OutcomeJson.Serialize(outcome, _change!, _time.GetUtcNow()));
        }

        return Task.CompletedTask;
    }

    public Task NoteAsync(string message) => Task.CompletedTask;

    public Task RunEndedAsync(BulkRun run, BulkResult result)
    {
        Write(JournalFormat.EndLine(result, _time.GetUtcNow()));
        return Task.CompletedTask;
    }

    public void Dispose() => _file.Dispose();

    private void Write(string line)
    {
        _file.Write(Encoding.UTF8.GetBytes(line + "\n"));
        _file.Flush(flushToDisk: true);
    }
}
