namespace OnePassword.Users.Cli.Progress;

/// <summary>
/// A few status lines kept at the bottom of the terminal (on stderr) and redrawn as they change,
/// with all other output written above them. Every write to stdout or stderr goes through a
/// <see cref="Wrap">wrapped</see> writer that first erases the status, and the status is drawn
/// again once the output is back at the start of a line, so each line shows once and the status
/// always last. Status lines are cut to the terminal's width, so each takes one row and the
/// cursor arithmetic holds; other output is never cut.
/// </summary>
internal sealed class TerminalStatus : IAsyncDisposable
{
    private const string Escape = "\u001b[";
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(250);
    private static readonly IReadOnlyList<string> Nothing = [];

    private readonly Lock _gate = new();
    private readonly TextWriter _terminal;
    private readonly Func<int> _width;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _refresh;
    private Func<IReadOnlyList<string>> _frame = () => Nothing;
    private int _drawnLines;
    private bool _atLineStart = true;
    private bool _disposed;

    /// <param name="terminal">The terminal's stderr, unwrapped.</param>
    /// <param name="width">The terminal's width now.</param>
    public TerminalStatus(TextWriter terminal, Func<int> width)
    {
        _terminal = terminal;
        _width = width;
        _refresh = RefreshAsync(_stop.Token);
    }

    /// <summary>A writer to the same terminal that keeps the status below what it writes.</summary>
    public TextWriter Wrap(TextWriter inner) => new StatusAwareWriter(inner, this);

    /// <summary>Shows the lines <paramref name="frame"/> gives, asked again on every redraw, until the result is disposed.</summary>
    public IDisposable Show(Func<IReadOnlyList<string>> frame)
    {
        lock (_gate)
        {
            _frame = frame;
            Redraw();
        }

        return new Hiding(this, frame);
    }

    /// <summary>Redraws now, for a change that should not wait for the next tick.</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            Redraw();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _refresh.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The refresh loop ends by cancellation.
        }

        lock (_gate)
        {
            Erase();
            _disposed = true;
        }

        _stop.Dispose();
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="inner"/> with the status out of the way.</summary>
    internal void WriteAbove(TextWriter inner, string? text)
    {
        lock (_gate)
        {
            Erase();
            inner.Write(text);
            inner.Flush();
            if (!string.IsNullOrEmpty(text))
            {
                _atLineStart = text[^1] == '\n';
            }

            if (_atLineStart)
            {
                Draw();
            }
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            Refresh();
        }
    }

    private void Redraw()
    {
        Erase();
        Draw();
    }

    private void Erase()
    {
        if (_drawnLines == 0)
        {
            return;
        }

        // Back to the first status row, then clear to the end of the screen.
        _terminal.Write(_drawnLines > 1 ? $"\r{Escape}{_drawnLines - 1}A{Escape}J" : $"\r{Escape}J");
        _terminal.Flush();
        _drawnLines = 0;
    }

    private void Draw()
    {
        // A status drawn after half a line of output would be erased together with it.
        if (_disposed || !_atLineStart)
        {
            return;
        }

        var lines = _frame();
        if (lines.Count == 0)
        {
            return;
        }

        // One column short of the width: a line that fills its row leaves some terminals waiting
        // to wrap, and the next erase would start a row too low.
        var columns = Math.Max(10, _width() - 1);
        _terminal.Write(string.Join("\n", lines.Select(line => Fit(line, columns))));
        _terminal.Flush();
        _drawnLines = lines.Count;
    }

    private static string Fit(string line, int columns) => line.Length <= columns ? line : string.Concat(line.AsSpan(0, columns - 1), "…");

    private sealed class Hiding(TerminalStatus status, Func<IReadOnlyList<string>> frame) : IDisposable
    {
        public void Dispose()
        {
            lock (status._gate)
            {
                if (status._frame == frame)
                {
                    status._frame = () => Nothing;
                    status.Erase();
                }
            }
        }
    }
}
