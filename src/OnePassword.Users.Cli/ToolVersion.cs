using System.Reflection;

namespace OnePassword.Users.Cli;

/// <summary>This tool's package version, without the +commit suffix: in the User-Agent and in journals.</summary>
internal static class ToolVersion
{
    public static string Current { get; } =
        "op-users/" + (typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
