using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OnePassword.Users.Emulator.Http;

/// <summary>Writes the emulator's JSON bodies: users-endpoint results, google.rpc.Status errors and OAuth errors.</summary>
internal static class ApiResponses
{
    public static Task WriteJsonAsync<T>(HttpContext context, int httpStatus, T body, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, typeInfo, context.RequestAborted);
    }

    /// <summary>A google.rpc.Status body whose HTTP status follows from the gRPC code.</summary>
    public static Task WriteStatusAsync(HttpContext context, int grpcCode, string message) =>
        WriteJsonAsync(context, GrpcCode.HttpStatusOf(grpcCode), new StatusBody(grpcCode, message, []), EmulatorJsonContext.Default.StatusBody);

    /// <summary>An RFC 6749 error body. Token responses, errors included, must not be cached.</summary>
    public static Task WriteOAuthErrorAsync(HttpContext context, int httpStatus, string error, string description)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (httpStatus == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"1Password Users API\"";
        }

        return WriteJsonAsync(context, httpStatus, new OAuthErrorBody(error, description), EmulatorJsonContext.Default.OAuthErrorBody);
    }
}
