using System.CommandLine;

namespace OnePassword.Users.Cli.Connection;

/// <summary>
/// The flags that say which API and credentials to use. They are recursive, so they may follow any
/// command (<c>op-users users list --emulator</c>); each has an environment variable fallback.
/// </summary>
internal sealed class ConnectionOptions
{
    public Option<string?> ClientId { get; } = new("--client-id")
    {
        Description = $"OAuth client id [env: {EnvironmentVariables.ClientId}]",
        Recursive = true,
    };

    public Option<string?> ClientSecret { get; } = new("--client-secret")
    {
        Description = $"OAuth client secret; prefer the environment variable, which does not end up in shell history [env: {EnvironmentVariables.ClientSecret}]",
        Recursive = true,
    };

    public Option<string?> Account { get; } = new("--account")
    {
        Description = $"Account id whose users to manage [env: {EnvironmentVariables.AccountId}]",
        Recursive = true,
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = $"Region of the account: 1password.com, 1password.ca or 1password.eu (default 1password.com) [env: {EnvironmentVariables.Region}]",
        Recursive = true,
    };

    public Option<string?> BaseUrl { get; } = new("--base-url")
    {
        Description = $"Explicit API base URL, overriding the region (plain http only on loopback) [env: {EnvironmentVariables.BaseUrl}]",
        Recursive = true,
    };

    public Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Start an embedded emulator with 300 demo users and use it; the other connection flags and variables are ignored",
        Recursive = true,
    };

    public Option<string?> AuditLog { get; } = new("--audit-log")
    {
        Description = $"Append an audit record of every state-changing call (time, operation, user, outcome, HTTP status, rpc code, attempts, client id, correlation id; never a secret) to this file as JSON lines, each flushed to disk as it is written [env: {EnvironmentVariables.AuditLog}]",
        HelpName = "file",
        Recursive = true,
    };

    public IEnumerable<Option> All => [ClientId, ClientSecret, Account, Region, BaseUrl, Emulator, AuditLog];
}
