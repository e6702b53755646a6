using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hardening.Tests.Support;

/// <summary>Clients of the generated SDK pointed at a hostile server, made as users make them.</summary>
internal static class HostileApi
{
    public const string ClientId = "hardening-client";
    public const string ClientSecret = "s3cret+value/with=signs";
    public const string AccountId = "ACCOUNT";
    public const string UserId = "USER";
    public const string TokenPath = "/v1beta1/users/oauth2/token";
    public const string RevokePath = "/v1beta1/users/oauth2/revoke";
    public const string UserPath = "/v1beta1/accounts/ACCOUNT/users/USER";

    public static string UserJson(string id = UserId) =>
        $$"""{"id":"{{id}}","email":"user@example.com","display_name":"User","state":"ACTIVE","create_time":"2024-01-01T00:00:00Z","path":"accounts/{{AccountId}}/users/{{id}}"}""";

    public static string TokenJson(string token) => $$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":900}""";

    /// <summary>Options for <paramref name="server"/>: no retries, no client-side rate limit, short timeouts; tests change what they need.</summary>
    public static ApiClientOptions Options(HostileServer server, Action<ApiClientOptions>? configure = null)
    {
        var options = new ApiClientOptions
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            BaseUrl = server.BaseAddress,
            Retry = new RetryOptions { MaxRetries = 0 },
            RateLimit = new RateLimitOptions { Enabled = false },
            Timeout = TimeSpan.FromSeconds(10),
            CallTimeout = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return options;
    }

    public static UsersApiClient Create(HostileServer server, Action<ApiClientOptions>? configure = null) =>
        UsersApiClient.Create(Options(server, configure));

    /// <summary>Answers the token endpoint with <paramref name="token"/>, and everything else with <paramref name="api"/>.</summary>
    public static Func<HostileExchange, Task> WithTokens(string token, Func<HostileExchange, Task> api) => exchange =>
        exchange.Request.Target == TokenPath ? exchange.RespondAsync(200, TokenJson(token))
        : exchange.Request.Target == RevokePath ? exchange.RespondAsync(200, string.Empty)
        : api(exchange);
}
