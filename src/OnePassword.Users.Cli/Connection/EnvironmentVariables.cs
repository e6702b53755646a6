namespace OnePassword.Users.Cli.Connection;

/// <summary>The environment variables read when the matching flag is absent.</summary>
internal static class EnvironmentVariables
{
    public const string ClientId = "OP_USERS_CLIENT_ID";
    public const string ClientSecret = "OP_USERS_CLIENT_SECRET";
    public const string AccountId = "OP_USERS_ACCOUNT_ID";
    public const string Region = "OP_USERS_REGION";
    public const string BaseUrl = "OP_USERS_BASE_URL";
    public const string AuditLog = "OP_USERS_AUDIT_LOG";
}
