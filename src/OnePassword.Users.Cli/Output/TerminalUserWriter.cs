using OnePassword.Users.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OnePassword.Users.Cli.Output;

/// <summary>
/// Users for a person at a terminal: a table when it fits the terminal's width, otherwise
/// <c>key: value</c> blocks, so no value is ever cut to an ellipsis. Ids, emails, states and times
/// never wrap (they are copied out of the table); a name may wrap, but only while its column
/// stays wide enough to read. A table sizes its columns from every row, so rows are collected and
/// drawn once the last page has arrived.
/// </summary>
internal sealed class TerminalUserWriter(IAnsiConsole console, TextWriter output, int width) : IUserWriter
{
    /// <summary>Below this, a wrapped name column reads as a few letters per line, and blocks read better.</summary>
    private const int MinimumNameWidth = 16;

    private static readonly int NameColumn = UserFields.All.Select(field => field.WireName).ToList().IndexOf("display_name");

    private readonly List<User> _users = [];

    public Task WriteAsync(User user, CancellationToken cancellationToken)
    {
        _users.Add(user);
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        var table = TableThatFits();
        if (table is not null)
        {
            console.Profile.Width = width;
            console.Write(table);
            return;
        }

        await KeyValueBlocks.WriteAsync(output, _users).ConfigureAwait(false);
        await output.WriteLineAsync($"\n{_users.Count} user(s)").ConfigureAwait(false);
    }

    private Table? TableThatFits()
    {
        var natural = Build(nameWidth: null);
        var naturalWidth = Measure(natural);
        if (naturalWidth <= width)
        {
            return natural;
        }

        var nameWidth = Measure(Build(nameWidth: 1)) - 1;
        nameWidth = width - nameWidth;
        return nameWidth >= MinimumNameWidth ? Build(nameWidth) : null;
    }

    private int Measure(Table table) => ((IRenderable)table).Measure(RenderOptions.Create(console), int.MaxValue).Max;

    private Table Build(int? nameWidth)
    {
        var table = new Table().Border(TableBorder.Rounded).Caption($"{_users.Count} user(s)");
        for (var column = 0; column < UserFields.All.Count; column++)
        {
            var tableColumn = new TableColumn(UserFields.All[column].Header);
            if (column != NameColumn)
            {
                tableColumn.NoWrap();
            }
            else if (nameWidth is { } fixedWidth)
            {
                tableColumn.Width(fixedWidth);
            }

            table.AddColumn(tableColumn);
        }

        foreach (var user in _users)
        {
            table.AddRow([.. UserFields.All.Select(field => Cell(user, field))]);
        }

        return table;
    }

    private static Markup Cell(User user, UserField field)
    {
        var text = Markup.Escape(field.Value(user));
        return new Markup(field.WireName == "state" && user.State == UserState.Suspended ? $"[yellow]{text}[/]" : text);
    }
}
