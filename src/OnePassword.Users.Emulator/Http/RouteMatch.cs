namespace OnePassword.Users.Emulator.Http;

/// <summary>
/// Where a request goes: an operation with its decoded path parameters, or why none matched.
/// <see cref="AllowedMethod"/> is set when the path exists but the method does not.
/// </summary>
internal sealed record RouteMatch(EmulatorOperation? Operation, string AccountId = "", string UserId = "", string? AllowedMethod = null)
{
    public static RouteMatch None { get; } = new(Operation: null);
}
