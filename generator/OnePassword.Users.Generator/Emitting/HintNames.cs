namespace OnePassword.Users.Generator.Emitting;

/// <summary>
/// Hint names (the generated files' names) stay short enough for any file system when
/// <c>EmitCompilerGeneratedFiles</c> writes them out beneath obj/: a long one keeps the start
/// of its namespace and its type name, and a hash of the whole keeps it unique and stable.
/// </summary>
internal static class HintNames
{
    public const int MaxLength = 100;

    public static string For(string ns, string typeName)
    {
        var full = ns + "." + typeName;
        if (full.Length + ".g.cs".Length <= MaxLength)
        {
            return full + ".g.cs";
        }

        var hash = Naming.Identifiers.Hash(full);
        var type = typeName.Length > 60 ? typeName.Substring(0, 60) : typeName;
        var room = MaxLength - ".g.cs".Length - type.Length - hash.Length - 2;
        var prefix = ns.Length > room ? ns.Substring(0, System.Math.Max(0, room)) : ns;
        return prefix.TrimEnd('.') + "." + hash + "." + type + ".g.cs";
    }
}
