using System.Text;

namespace OnePassword.Users.Cli.Progress;

/// <summary>A writer to the terminal that moves <see cref="TerminalStatus"/>'s lines out of the way of every write.</summary>
internal sealed class StatusAwareWriter(TextWriter inner, TerminalStatus status) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
#pragma warning disable CS8765 // The base property is declared with [AllowNull] only on set.
        get => inner.NewLine;
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value) => status.WriteAbove(inner, value.ToString());

    public override void Write(string? value) => status.WriteAbove(inner, value);

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine() => Write(inner.NewLine);

    public override void WriteLine(string? value) => Write(value + inner.NewLine);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(char value)
    {
        WriteLine(value.ToString());
        return Task.CompletedTask;
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();
}
