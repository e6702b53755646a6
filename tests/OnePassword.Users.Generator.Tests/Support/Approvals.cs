using System.Runtime.CompilerServices;
using Shouldly;

namespace OnePassword.Users.Generator.Tests.Support;

/// <summary>
/// Approved-file snapshots (Verify is not on the package mirror): the text must equal
/// Snapshots/NAME.approved.txt beside the test source; otherwise NAME.received.txt is written
/// for review and the test fails. Approve by renaming received to approved.
/// </summary>
internal static class Approvals
{
    public static void ShouldMatchSnapshot(this string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var mismatch = Compare(actual, name, callerFile);
        mismatch.ShouldBeNull();
    }

    /// <summary>Compares with the approved file; returns a description of the mismatch, or null.</summary>
    public static string? Compare(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        Directory.CreateDirectory(folder);
        var approved = Path.Combine(folder, name + ".approved.txt");
        var received = Path.Combine(folder, name + ".received.txt");
        var normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == normalized)
        {
            File.Delete(received);
            return null;
        }

        File.WriteAllText(received, normalized);
        return $"Snapshot '{name}' differs; review {received} and rename it to .approved.txt if it is right.";
    }
}
