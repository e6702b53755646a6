namespace OnePassword.Users.Cli.Bulk;

/// <summary>Tells several sinks, one after the other, in the order given.</summary>
internal sealed class BulkSinks(params IBulkSink[] sinks) : IBulkSink
{
    public Task RunStartedAsync(BulkRun run) => EachAsync(sink => sink.RunStartedAsync(run));

    public Task AttemptingAsync(int index, string userId) => EachAsync(sink => sink.AttemptingAsync(index, userId));

    public Task OutcomeAsync(BulkOutcome outcome) => EachAsync(sink => sink.OutcomeAsync(outcome));

    public Task NoteAsync(string message) => EachAsync(sink => sink.NoteAsync(message));

    public Task RunEndedAsync(BulkRun run, BulkResult result) => EachAsync(sink => sink.RunEndedAsync(run, result));

    private async Task EachAsync(Func<IBulkSink, Task> tell)
    {
        foreach (var sink in sinks)
        {
            await tell(sink).ConfigureAwait(false);
        }
    }
}
