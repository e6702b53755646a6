using System.Text.Json;

namespace OnePassword.Users.Runtime;

/// <summary>Reads one value at the reader's current token; generated models supply these.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="reader">A reader positioned on the value's first token.</param>
/// <returns>The value.</returns>
public delegate T JsonValueReader<out T>(ref Utf8JsonReader reader);
