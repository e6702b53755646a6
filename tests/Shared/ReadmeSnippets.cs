using System.Text.RegularExpressions;

namespace OnePassword.Users.Testing;

/// <summary>
/// The README's code blocks, found by the HTML comment before them, and its C# examples turned
/// into the program a reader would write: the example's own <c>using</c> lines first, then the
/// reader's values (<c>clientId</c> and the like, which the examples leave to the reader), then
/// the rest of the example, compiled with the implicit usings of a new console project and
/// nothing else, so an example that needs a <c>using</c> it does not show fails to compile.
/// </summary>
internal static partial class ReadmeSnippets
{
    /// <summary>The global usings of <c>dotnet new console</c> (ImplicitUsings enabled), as the SDK writes them.</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Text { get; } = File.ReadAllText(Path.Combine(RepoRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The body of every code block that follows <c>&lt;!-- marker --&gt;</c>, in order.</summary>
    public static IReadOnlyList<string> After(string marker) =>
        [.. Regex.Matches(Text, $"<!-- {Regex.Escape(marker)} -->\\s*```[a-z]*\\n(?<code>.*?)```", RegexOptions.Singleline).Select(match => match.Groups["code"].Value)];

    /// <summary>The example's <c>using</c> directives, then <paramref name="readerValues"/>, then its statements.</summary>
    public static string AsProgram(string example, string readerValues)
    {
        var lines = example.Split('\n');
        var directives = lines.TakeWhile(line => UsingDirective().IsMatch(line) || line.Trim().Length == 0).ToList();
        return string.Join("\n", directives) + "\n" + readerValues + "\n" + string.Join("\n", lines.Skip(directives.Count));
    }

    [GeneratedRegex(@"^using (static )?[A-Za-z_][A-Za-z0-9_.]*( = [A-Za-z_][A-Za-z0-9_.]*)?;\s*$")]
    private static partial Regex UsingDirective();

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No Generated.sln above {AppContext.BaseDirectory}.");
    }
}
