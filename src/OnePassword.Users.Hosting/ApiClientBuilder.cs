using Microsoft.Extensions.DependencyInjection;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hosting;

/// <summary>
/// What <c>AddOnePasswordUsers</c> (or <c>AddGeneratedApiClient</c>) returns, to configure one
/// named client further: its options, its audit sink, and the two <see cref="IHttpClientBuilder"/>s
/// its requests go through.
/// </summary>
/// <typeparam name="TClient">The generated client type.</typeparam>
public sealed class ApiClientBuilder<TClient>
    where TClient : class
{
    internal ApiClientBuilder(string name, IServiceCollection services, IHttpClientBuilder httpClient, IHttpClientBuilder tokenHttpClient)
    {
        Name = name;
        Services = services;
        HttpClient = httpClient;
        TokenHttpClient = tokenHttpClient;
    }

    /// <summary>The client's name: its options name, its service key and its telemetry name.</summary>
    public string Name { get; }

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// The named <see cref="System.Net.Http.HttpClient"/> of the API calls. Its handlers are the
    /// SDK's (operation scope, call deadline, retry, rate limit, bearer token, attempt timeout,
    /// transport guard); handlers you add with <c>AddHttpMessageHandler</c> go between them and the
    /// primary handler, which <c>ConfigurePrimaryHttpMessageHandler</c> replaces (keep
    /// <c>AllowAutoRedirect</c> off: a transport that follows redirects is refused at the first one).
    /// </summary>
    public IHttpClientBuilder HttpClient { get; }

    /// <summary>The named <see cref="System.Net.Http.HttpClient"/> of the token and revocation calls.</summary>
    public IHttpClientBuilder TokenHttpClient { get; }

    /// <summary>Changes the options after configuration is bound.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ApiClientBuilder<TClient> Configure(Action<ApiClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(Name, configure);
        return this;
    }

    /// <summary>Sends this client's audit records to the sink the factory makes, instead of the log.</summary>
    /// <param name="createSink">Makes the sink; called once.</param>
    /// <returns>This builder.</returns>
    public ApiClientBuilder<TClient> UseAuditSink(Func<IServiceProvider, IAuditSink> createSink)
    {
        ArgumentNullException.ThrowIfNull(createSink);
        Services.AddKeyedSingleton(Name, (services, _) => createSink(services));
        return this;
    }
}
