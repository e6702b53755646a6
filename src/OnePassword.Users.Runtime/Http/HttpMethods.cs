using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>The framework's cached <see cref="HttpMethod"/> for a method name, so no request allocates one.</summary>
internal static class HttpMethods
{
    public static HttpMethod Of(string method) => method.ToUpperInvariant() switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "PATCH" => HttpMethod.Patch,
        "DELETE" => HttpMethod.Delete,
        "HEAD" => HttpMethod.Head,
        "OPTIONS" => HttpMethod.Options,
        "TRACE" => HttpMethod.Trace,
        var other => new HttpMethod(other),
    };

    public static HttpMethod Of(Method method) => method switch
    {
        Method.GET => HttpMethod.Get,
        Method.POST => HttpMethod.Post,
        Method.PUT => HttpMethod.Put,
        Method.PATCH => HttpMethod.Patch,
        Method.DELETE => HttpMethod.Delete,
        Method.HEAD => HttpMethod.Head,
        Method.OPTIONS => HttpMethod.Options,
        Method.TRACE => HttpMethod.Trace,
        _ => new HttpMethod(method.ToString()),
    };
}
