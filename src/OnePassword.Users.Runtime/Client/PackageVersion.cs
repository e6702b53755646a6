using System.Reflection;

namespace OnePassword.Users.Runtime;

/// <summary>The package version an assembly was built as, for User-Agent headers.</summary>
internal static class PackageVersion
{
    /// <summary>
    /// The informational version without its <c>+commit</c> suffix (the SDK appends the source
    /// revision), so prereleases keep their label: <c>0.2.0-preview.1</c>.
    /// </summary>
    public static string Of(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
