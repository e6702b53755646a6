using OnePassword.Users.Models;
using Spectre.Console;

namespace OnePassword.Users.Cli.Output;

/// <summary>
/// A Spectre.Console table for a person at a terminal. A table sizes its columns from every row,
/// so rows are collected and the table is drawn once the last page has arrived.
/// </summary>
internal sealed class TerminalUserWriter(IAnsiConsole console) : IUserWriter
{
    // Ids and emails are copied out of the table, so they never wrap; only names may. The date
    // alone (the full time is in the other formats) keeps the table within a common terminal width.
    private readonly Table _table = new Table()
        .Border(TableBorder.Rounded)
        .AddColumn(new TableColumn("ID").NoWrap())
        .AddColumn(new TableColumn("Email").NoWrap())
        .AddColumn(new TableColumn("State").NoWrap())
        .AddColumn(new TableColumn("Created").NoWrap())
        .AddColumn("Name");

    public Task WriteAsync(User user, CancellationToken cancellationToken)
    {
        var state = UserFields.State(user.State);
        _table.AddRow(
            Markup.Escape(user.Id),
            Markup.Escape(user.Email),
            user.State == UserState.Suspended ? $"[yellow]{state}[/]" : Markup.Escape(state),
            UserFields.CreateTime(user.CreateTime) is { Length: >= 10 } created ? created[..10] : string.Empty,
            Markup.Escape(user.DisplayName ?? string.Empty));
        return Task.CompletedTask;
    }

    public Task CompleteAsync(CancellationToken cancellationToken)
    {
        _table.Caption($"{_table.Rows.Count} user(s)");
        console.Write(_table);
        return Task.CompletedTask;
    }
}
