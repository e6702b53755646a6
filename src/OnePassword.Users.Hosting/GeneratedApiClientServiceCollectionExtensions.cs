using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;
using OnePassword.Users.Hosting;
using OnePassword.Users.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers any client made by OnePassword.Users.Generator, by name, on <c>IHttpClientFactory</c>.</summary>
public static class GeneratedApiClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers the client <typeparamref name="TClient"/> under <paramref name="name"/>: options
    /// (bound from <paramref name="configuration"/> when given) validated at start, a named
    /// <see cref="HttpClient"/> for the API and one for the token endpoint with the SDK's handlers
    /// on them, and the client as a keyed singleton (resolve it with
    /// <c>[FromKeyedServices(name)]</c> or <see cref="IApiClientFactory{TClient}"/>).
    /// </summary>
    /// <remarks>
    /// The client is a singleton per name, over one <see cref="HttpClient"/> from the factory whose
    /// handler chain is never recycled (handler lifetime infinite): the token cache and the rate
    /// budget must live as long as the client, and the primary handler renews its pooled
    /// connections every five minutes, which keeps DNS changes visible. The token provider is
    /// disposed with the container, revoking the live token.
    /// </remarks>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name; also its options name and service key.</param>
    /// <param name="description">The generated client's <c>Description</c>.</param>
    /// <param name="create">Makes the client on a request adapter: <c>adapter =&gt; new UsersApiClient(adapter)</c>.</param>
    /// <param name="configuration">The configuration section to bind, or null.</param>
    /// <returns>A builder for further configuration.</returns>
    public static ApiClientBuilder<TClient> AddGeneratedApiClient<TClient>(
        this IServiceCollection services,
        string name,
        ApiDescription description,
        Func<IRequestAdapter, TClient> create,
        IConfiguration? configuration = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(create);

        string apiClientName = "OnePassword.Users." + name;
        string tokenClientName = apiClientName + ".Token";
        string keyPrefix = configuration is IConfigurationSection section ? section.Path : name;

        OptionsBuilder<ApiClientOptions> options = services.AddOptions<ApiClientOptions>(name);
        if (configuration is not null)
        {
            options.Bind(configuration);
        }

        options.PostConfigure<IServiceProvider>((value, provider) => UseContainerServices(value, name, provider));
        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiClientOptions>>(new ApiClientOptionsValidator(name, keyPrefix, description));

        // The settings the token client's handlers need, and the parts that need the token client.
        services.AddKeyedSingleton(name, (provider, _) => new ClientSettings(ClientParts.Settings(provider.GetRequiredService<IOptionsMonitor<ApiClientOptions>>().Get(name), description)));
        services.AddKeyedSingleton(name, (provider, _) => ClientParts.Create(
            provider.GetRequiredKeyedService<ClientSettings>(name).Context,
            description,
            () => provider.GetRequiredService<IHttpClientFactory>().CreateClient(tokenClientName)));

        // The factory's own request loggers go: at Trace they put every header value, the bearer
        // token and the Basic credentials included, into the log's structured state (only the
        // message masks them). The SDK logs its calls itself (events 4001-4002).
        IHttpClientBuilder api = services.AddHttpClient(apiClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(provider => HttpTransport.ForFactory(provider.GetRequiredKeyedService<ClientSettings>(name).Context.Options))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigureHttpClient((provider, client) => Configure(client, provider.GetRequiredKeyedService<ClientSettings>(name).Context.Options));
        foreach (Func<PipelineContext, DelegatingHandler?> handler in PipelineHandlers.Api)
        {
            api.AddHttpMessageHandler(provider => handler(provider.GetRequiredKeyedService<ClientParts>(name).Context) ?? new PassThroughHandler());
        }

        IHttpClientBuilder token = services.AddHttpClient(tokenClientName)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(provider => HttpTransport.ForFactory(provider.GetRequiredKeyedService<ClientSettings>(name).Context.Options))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);

        services.AddKeyedSingleton(name, (provider, _) =>
        {
            ClientParts parts = provider.GetRequiredKeyedService<ClientParts>(name);
            HttpClient httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(apiClientName);
            return create(new ApiRequestAdapter(httpClient, parts.BaseUrl.ToString()));
        });
        services.TryAddSingleton<IApiClientFactory<TClient>, ApiClientFactory<TClient>>();
        return new ApiClientBuilder<TClient>(name, services, api, token);
    }

    /// <summary>What the container knows better than configuration: logging, metering, the audit sink and the clock.</summary>
    private static void UseContainerServices(ApiClientOptions options, string name, IServiceProvider provider)
    {
        options.Name = name;
        options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
        options.MeterFactory ??= provider.GetService<IMeterFactory>();
        options.AuditSink ??= provider.GetKeyedService<IAuditSink>(name) ?? provider.GetService<IAuditSink>();
        if (provider.GetService<TimeProvider>() is { } clock)
        {
            options.TimeProvider = clock;
        }
    }

    private static void Configure(HttpClient client, ApiClientOptions options)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
        UserAgentHeader.ApplyTo(client, options);
    }

    /// <summary>The checked settings of one named client, before its token provider and limiter exist.</summary>
    private sealed record ClientSettings(PipelineContext Context);
}
