using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OnePassword.Users;
using OnePassword.Users.Hosting;
using OnePassword.Users.Models;
using OnePassword.Users.Runtime;

namespace SecurityResponder;

/// <summary>The responder: one signed webhook that suspends the user an alert names, and health checks.</summary>
public static class ResponderApp
{
    /// <summary>The largest alert body accepted; an alert is a few hundred bytes.</summary>
    private const int MaxAlertBytes = 16 * 1024;

    public static WebApplication Build(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxAlertBytes);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ResponderJson.Default));
        builder.Services.AddOptions<ResponderOptions>().Bind(builder.Configuration.GetSection("Responder")).ValidateDataAnnotations().ValidateOnStart();

        // The client, bound from "OnePasswordUsers" and validated at start; its audit trail goes to a file.
        builder.Services.AddOnePasswordUsers(builder.Configuration.GetSection("OnePasswordUsers"))
            .UseAuditSink(services => new JsonLinesAuditSink(services.GetRequiredService<IOptions<ResponderOptions>>().Value.AuditLog));
        builder.Services.AddSingleton<UserLocator>();
        builder.Services.AddHealthChecks()
            .AddTypeActivatedCheck<ApiClientHealthCheck>("onepassword-users", failureStatus: null, tags: ["ready"], args: OnePasswordUsersServiceCollectionExtensions.DefaultName);

        WebApplication app = builder.Build();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapPost("/alerts", HandleAlertAsync);
        return app;
    }

    private static async Task<IResult> HandleAlertAsync(HttpRequest request, UserLocator locator, UsersApiClient users, IOptions<ResponderOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        ResponderOptions settings = options.Value;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        if (!WebhookSignature.IsValid(body.GetBuffer().AsSpan(0, (int)body.Length), request.Headers[WebhookSignature.Header], settings.WebhookSecret))
        {
            return Answer(null, null, "unauthorized", "The X-Signature header does not match the body.", StatusCodes.Status401Unauthorized);
        }

        Alert? alert;
        try
        {
            alert = JsonSerializer.Deserialize(body.GetBuffer().AsSpan(0, (int)body.Length), ResponderJson.Default.Alert);
        }
        catch (JsonException)
        {
            alert = null;
        }

        if (alert?.User is not { Length: > 0 } target)
        {
            return Answer(alert?.AlertId, null, "invalid", "The alert names no user: send {\"user\": \"<id or email>\"}.", StatusCodes.Status400BadRequest);
        }

        ILogger logger = loggers.CreateLogger("SecurityResponder.Alerts");
        try
        {
            User? user = await locator.FindAsync(settings.AccountId, target, cancellationToken);
            if (user is null)
            {
                return Answer(alert.AlertId, null, "unknown_user", $"No user '{target}' in the account.", StatusCodes.Status404NotFound);
            }

            User suspended = await users.Accounts[settings.AccountId].Users[user.Id!].Suspend.PostAsync(cancellationToken: cancellationToken);
            logger.LogInformation("Alert {AlertId}: suspended {UserId} ({Reason})", alert.AlertId, suspended.Id, alert.Reason);
            return Answer(alert.AlertId, suspended.Id, "suspended", null, StatusCodes.Status200OK);
        }
        catch (PermissionDeniedException denied)
        {
            // The last owner, or an externally managed administrator: the API refuses, and says why.
            return Answer(alert.AlertId, null, "refused", denied.RpcMessage, StatusCodes.Status409Conflict);
        }
        catch (RateLimitedException limited)
        {
            return RateLimited(alert.AlertId, limited.RetryAfter);
        }
        catch (ClientRateLimitExceededException limited)
        {
            // The client's own limiter refused before sending (a full queue, or a fleet limiter
            // failing closed): the same answer to the SIEM, since no request reached the API.
            return RateLimited(alert.AlertId, limited.RetryAfter);
        }
        catch (ArgumentException unusable) when (unusable.ParamName is not null)
        {
            // An id the SDK refuses to put in a URL (such as "..").
            return Answer(alert.AlertId, null, "invalid", unusable.Message, StatusCodes.Status400BadRequest);
        }
        catch (Exception exception) when (exception is ApiErrorException or ApiTransportException)
        {
            return Answer(alert.AlertId, null, "failed", exception.Message, StatusCodes.Status502BadGateway);
        }
    }

    private static IResult RateLimited(string? alertId, TimeSpan? retryAfter)
    {
        IResult busy = Answer(alertId, null, "rate_limited", "The API's rate limit is spent; try again later.", StatusCodes.Status503ServiceUnavailable);
        return retryAfter is { } wait ? new RetryAfterResult(busy, wait) : busy;
    }

    private static IResult Answer(string? alertId, string? userId, string outcome, string? detail, int status) =>
        Results.Json(new AlertResult(alertId, userId, outcome, detail), ResponderJson.Default.AlertResult, statusCode: status);

    /// <summary>Adds <c>Retry-After</c> to an answer, so the SIEM backs off as long as the API asked.</summary>
    private sealed class RetryAfterResult(IResult inner, TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
