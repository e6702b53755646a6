namespace System.Runtime.CompilerServices;

/// <summary>Lets records compile on netstandard2.0, which predates init-only setters.</summary>
internal static class IsExternalInit
{
}
