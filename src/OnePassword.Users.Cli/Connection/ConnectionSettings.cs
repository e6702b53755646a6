using System.CommandLine;

namespace OnePassword.Users.Cli.Connection;

/// <summary>Where to connect and with which credentials, resolved from flags first, then environment variables.</summary>
/// <param name="ClientId">The OAuth client id.</param>
/// <param name="ClientSecret">The OAuth client secret; never printed.</param>
/// <param name="AccountId">The account whose users are managed.</param>
/// <param name="Region">The region host suffix, or null for the API's default.</param>
/// <param name="BaseUrl">An explicit base URL, or null.</param>
internal sealed record ConnectionSettings(string ClientId, string ClientSecret, string AccountId, string? Region, Uri? BaseUrl)
{
    private static readonly string[] Regions = ["1password.com", "1password.ca", "1password.eu"];

    /// <summary>Describes the settings without the secret, so nothing that formats them can leak it.</summary>
    public override string ToString() =>
        $"ConnectionSettings {{ ClientId = {ClientId}, ClientSecret = ***, AccountId = {AccountId}, Region = {Region}, BaseUrl = {BaseUrl} }}";

    /// <summary>Resolves every setting, naming each missing or invalid one in a single <see cref="UsageException"/>.</summary>
    public static ConnectionSettings Resolve(ParseResult parseResult, ConnectionOptions options, IDictionary<string, string?> environment)
    {
        var problems = new List<string>();
        var clientId = Required(parseResult, options.ClientId, environment, EnvironmentVariables.ClientId, problems);
        var clientSecret = Required(parseResult, options.ClientSecret, environment, EnvironmentVariables.ClientSecret, problems);
        var accountId = Required(parseResult, options.Account, environment, EnvironmentVariables.AccountId, problems);

        var region = Optional(parseResult, options.Region, environment, EnvironmentVariables.Region)?.Trim().TrimStart('.');
        if (region is not null && !Regions.Contains(region, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"region '{region}' is not one of {string.Join(", ", Regions)} (--region or {EnvironmentVariables.Region})");
        }

        Uri? baseUrl = null;
        if (Optional(parseResult, options.BaseUrl, environment, EnvironmentVariables.BaseUrl) is { } baseUrlText
            && !(Uri.TryCreate(baseUrlText, UriKind.Absolute, out baseUrl) && (baseUrl.Scheme == Uri.UriSchemeHttps || baseUrl.Scheme == Uri.UriSchemeHttp)))
        {
            problems.Add($"base URL '{baseUrlText}' is not an absolute http(s) URL (--base-url or {EnvironmentVariables.BaseUrl})");
        }

        return problems.Count > 0
            ? throw new UsageException("Cannot connect: " + string.Join("; ", problems) + ". Or try the tool with --emulator.")
            : new ConnectionSettings(clientId!, clientSecret!, accountId!, region, baseUrl);
    }

    /// <summary>The audit log file (<c>--audit-log</c>, or its variable), for every session, the emulator's too; null when none.</summary>
    public static string? AuditLogPath(ParseResult parseResult, ConnectionOptions options, IDictionary<string, string?> environment) =>
        Optional(parseResult, options.AuditLog, environment, EnvironmentVariables.AuditLog);

    private static string? Required(ParseResult parseResult, Option<string?> option, IDictionary<string, string?> environment, string variable, List<string> problems)
    {
        var value = Optional(parseResult, option, environment, variable);
        if (value is null)
        {
            problems.Add($"missing {option.Name} (or set {variable})");
        }

        return value;
    }

    private static string? Optional(ParseResult parseResult, Option<string?> option, IDictionary<string, string?> environment, string variable)
    {
        var value = parseResult.GetValue(option);
        if (string.IsNullOrWhiteSpace(value) && environment.TryGetValue(variable, out var fromEnvironment))
        {
            value = fromEnvironment;
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
