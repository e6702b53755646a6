using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Kiota.Abstractions;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hosting;

/// <summary>
/// Readiness of one registered client: it can get an access token (from the cache, so a probe
/// spends neither the API's rate budget nor, most of the time, a token request), and its rate
/// budget is not refused. Register it with
/// <c>services.AddHealthChecks().AddTypeActivatedCheck&lt;ApiClientHealthCheck&gt;("onepassword-users", "OnePasswordUsers")</c>.
/// </summary>
public sealed class ApiClientHealthCheck : IHealthCheck
{
    private readonly IServiceProvider _services;
    private readonly string _clientName;

    /// <summary>Creates the check for the client registered under <paramref name="clientName"/>.</summary>
    /// <param name="services">The container.</param>
    /// <param name="clientName">The name given to <c>AddOnePasswordUsers</c>.</param>
    public ApiClientHealthCheck(IServiceProvider services, string clientName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientName);
        _services = services;
        _clientName = clientName;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ClientParts parts = _services.GetRequiredKeyedService<ClientParts>(_clientName);
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        if (parts.Context.Limiter?.GetStatistics() is { } budget)
        {
            data["rate_budget_remaining"] = budget.CurrentAvailablePermits;
            data["rate_limit_waiting"] = budget.CurrentQueuedCount;
        }

        if (parts.Context.Tokens is not { } tokens)
        {
            return HealthCheckResult.Healthy("The API needs no token.", data);
        }

        try
        {
            AccessToken token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            data["token_expires_at"] = token.ExpiresAt.ToString("O", CultureInfo.InvariantCulture);
            return HealthCheckResult.Healthy("An access token is at hand.", data);
        }
        catch (Exception exception) when (exception is ApiException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            // SDK messages hold no credential; the exception itself stays out of the report.
            return HealthCheckResult.Unhealthy($"No access token: {exception.Message}", exception: null, data);
        }
    }
}
