using System;
using System.Linq;

namespace OnePassword.Users.Generator.Diagnostics;

/// <summary>What OAG009 says about an exception: its type, message and the generator method it came from, for a bug report.</summary>
internal static class FailureText
{
    public static string Of(Exception exception)
    {
        var frame = (exception.StackTrace ?? string.Empty).Split('\n')
            .Select(line => line.Trim())
            .FirstOrDefault(line => line.StartsWith("at OnePassword.Users.Generator.", StringComparison.Ordinal));
        var where = frame is null ? string.Empty : " (" + frame.Split(new[] { " in " }, StringSplitOptions.None)[0] + ")";
        return exception.GetType().Name + ": " + exception.Message + where;
    }
}
