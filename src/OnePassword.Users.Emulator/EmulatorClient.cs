namespace OnePassword.Users.Emulator;

/// <summary>An OAuth application registered with the emulator, bound to one account.</summary>
/// <param name="ClientId">The client id sent as the HTTP Basic user name.</param>
/// <param name="ClientSecret">The client secret sent as the HTTP Basic password.</param>
/// <param name="AccountId">The account whose users the client's tokens may access.</param>
/// <param name="Permissions">The users operations the client's tokens may call.</param>
public sealed record EmulatorClient(string ClientId, string ClientSecret, string AccountId, EmulatorPermissions Permissions)
{
    /// <summary>Describes the client without its secret, so logs and test output never leak it.</summary>
    public override string ToString() =>
        $"EmulatorClient {{ ClientId = {ClientId}, ClientSecret = ***, AccountId = {AccountId}, Permissions = {Permissions} }}";
}
