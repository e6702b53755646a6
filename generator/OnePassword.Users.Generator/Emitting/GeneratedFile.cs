namespace OnePassword.Users.Generator.Emitting;

/// <summary>One generated source file.</summary>
internal sealed record GeneratedFile(string HintName, string Source);
