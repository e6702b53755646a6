namespace OnePassword.Users.Runtime;

/// <summary>Encodes a path parameter so that no character of it can change the request's route.</summary>
public static class PathSegment
{
    /// <summary>
    /// Percent-encodes everything outside RFC 3986's unreserved set (so <c>/ ? # : %</c> stay
    /// inside the segment) and refuses values that would address another resource.
    /// </summary>
    /// <param name="value">The parameter value, for example a user id.</param>
    /// <param name="parameterName">The C# parameter name, for the exception.</param>
    /// <returns>The encoded segment, for a reserved-expansion (<c>{+name}</c>) template variable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, <c>.</c> or <c>..</c>.</exception>
    public static string Encode(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length == 0)
        {
            throw new ArgumentException("The value is empty; an empty path segment would address the parent resource.", parameterName);
        }

        if (value is "." or "..")
        {
            // .NET's Uri resolves dot segments, even percent-encoded ones, so no encoding keeps them.
            throw new ArgumentException($"The value '{value}' is a relative path segment and would address another resource.", parameterName);
        }

        return Uri.EscapeDataString(value);
    }
}
