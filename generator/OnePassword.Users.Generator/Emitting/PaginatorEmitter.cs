using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>Writes the paginator extension methods for list operations (issue: pagination).</summary>
internal static class PaginatorEmitter
{
    public static GeneratedFile? Emit(ApiModel api) => null;
}
