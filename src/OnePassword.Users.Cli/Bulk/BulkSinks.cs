namespace OnePassword.Users.Cli.Bulk;

/// <summary>Tells several sinks, one after the other, in the order given.</summary>
internal sealed class BulkSinks(params IBulkSink[] sinks) : IBulkSink
{
    public async Task RunStartedAsync(BulkRun run)
    {
        foreach (var sink in sinks)
        {
            await sink.RunStartedAsync(run).ConfigureAwait(false);
        }
    }

    public async Task AttemptingAsync(int index, string userId)
    {
        foreach (var sink in sinks)
        {
            await sink.AttemptingAsync(index, userId).ConfigureAwait(false);
        }
    }

    public async Task OutcomeAsync(BulkOutcome outcome)
    {
        foreach (var sink in sinks)
        {
            await sink.OutcomeAsync(outcome).ConfigureAwait(false);
        }
    }

    public async Task NoteAsync(string message)
    {
        foreach (var sink in sinks)
        {
            await sink.NoteAsync(message).ConfigureAwait(false);
        }
    }

    public async Task RunEndedAsync(BulkRun run, BulkResult result)
    {
        foreach (var sink in sinks)
        {
            await sink.RunEndedAsync(run, result).ConfigureAwait(false);
        }
    }
}
