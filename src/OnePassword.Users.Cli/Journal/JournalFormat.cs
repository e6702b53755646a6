using OnePassword.Users.Cli.Bulk;

namespace OnePassword.Users.Cli.Journal;

/// <summary>
/// The journal's lines, one JSON object each, told apart by <c>type</c>:
/// <list type="bullet">
/// <item><c>run</c>: the action, dry run or not, account, base URL, start time; the first run of a file also lists every target;</item>
/// <item><c>attempt</c>: a state-changing call for target <c>index</c> is about to be sent;</item>
/// <item><c>outcome</c>: a target's outcome, exactly as <c>--output json</c> prints it (<see cref="OutcomeJson"/>);</item>
/// <item><c>end</c>: the run ended, with its counts and why it stopped early, if it did.</item>
/// </list>
/// A resumed run appends its own <c>run</c> line and continues the same file.
/// </summary>
internal static class JournalFormat
{
    public const int Version = 1;

    public static string RunLine(BulkRun run, string tool) => OutcomeJson.Line(writer =>
    {
        writer.WriteString("type", "run");
        writer.WriteNumber("version", Version);
        writer.WriteString("tool", tool);
        writer.WriteString("action", run.Change.Verb);
        writer.WriteBoolean("dry_run", run.DryRun);
        writer.WriteString("account_id", run.AccountId);
        writer.WriteString("base_url", run.BaseUrl);
        writer.WriteString("started", OutcomeJson.Time(run.Started));
        writer.WriteBoolean("resumed", run.Resumed);
        if (!run.Resumed)
        {
            writer.WriteStartArray("targets");
            foreach (var target in run.Targets)
            {
                writer.WriteStartObject();
                writer.WriteString("source", target.Source);
                writer.WriteString("value", target.Value);
                writer.WriteString("kind", target.Kind == TargetKind.Email ? "email" : "id");
                if (target.Problem is { } problem)
                {
                    writer.WriteString("problem", problem);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    });

    public static string AttemptLine(int index, string userId, StateChange change, DateTimeOffset time) => OutcomeJson.Line(writer =>
    {
        writer.WriteString("type", "attempt");
        writer.WriteNumber("index", index);
        writer.WriteString("user_id", userId);
        writer.WriteString("action", change.Verb);
        writer.WriteString("time", OutcomeJson.Time(time));
    });

    public static string EndLine(BulkResult result, DateTimeOffset time) => OutcomeJson.Line(writer =>
    {
        writer.WriteString("type", "end");
        writer.WriteString("time", OutcomeJson.Time(time));
        if (result.Stopped is { } stopped)
        {
            writer.WriteString("stopped", stopped.Description);
        }
        else
        {
            writer.WriteNull("stopped");
        }

        writer.WriteStartObject("counts");
        foreach (var kind in Enum.GetValues<OutcomeKind>())
        {
            writer.WriteNumber(OutcomeNames.Of(kind), result.Count(kind));
        }

        writer.WriteEndObject();
    });
}
