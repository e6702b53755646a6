namespace OnePassword.Users.Emulator;

/// <summary>How a 429 response states when to retry (RFC 9110 section 10.2.3 allows both).</summary>
public enum RetryAfterFormat
{
    /// <summary>Whole seconds to wait, rounded up: <c>Retry-After: 42</c>.</summary>
    DeltaSeconds,

    /// <summary>The moment a slot frees, as an RFC 1123 date in GMT: <c>Retry-After: Mon, 23 Nov 2026 10:00:00 GMT</c>.</summary>
    HttpDate,
}
