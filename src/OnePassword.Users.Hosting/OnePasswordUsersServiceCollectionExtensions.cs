using Microsoft.Extensions.Configuration;
using OnePassword.Users;
using OnePassword.Users.Hosting;
using OnePassword.Users.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the 1Password Users API client.</summary>
public static class OnePasswordUsersServiceCollectionExtensions
{
    /// <summary>The name of the default client, and the configuration section it is usually bound from.</summary>
    public const string DefaultName = "OnePasswordUsers";

    /// <summary>
    /// Registers the default <see cref="UsersApiClient"/>, bound from <paramref name="configuration"/>
    /// (for example <c>builder.Configuration.GetSection("OnePasswordUsers")</c>) and validated at
    /// start. Inject <see cref="UsersApiClient"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section with <c>ClientId</c>, <c>ClientSecret</c>, <c>Region</c> or <c>BaseUrl</c>, and any other <see cref="ApiClientOptions"/>.</param>
    /// <returns>A builder for further configuration.</returns>
    public static ApiClientBuilder<UsersApiClient> AddOnePasswordUsers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddOnePasswordUsers(DefaultName, configuration);
    }

    /// <summary>Registers the default <see cref="UsersApiClient"/>, configured in code. Inject <see cref="UsersApiClient"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for further configuration.</returns>
    public static ApiClientBuilder<UsersApiClient> AddOnePasswordUsers(this IServiceCollection services, Action<ApiClientOptions> configure) =>
        services.AddOnePasswordUsers(DefaultName, configure);

    /// <summary>
    /// Registers a named <see cref="UsersApiClient"/> (one per account or region) bound from
    /// <paramref name="configuration"/>. Inject it with <c>[FromKeyedServices(name)]</c> or get it from
    /// <see cref="IApiClientFactory{TClient}"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <returns>A builder for further configuration.</returns>
    public static ApiClientBuilder<UsersApiClient> AddOnePasswordUsers(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, name, configuration);
    }

    /// <summary>Registers a named <see cref="UsersApiClient"/> configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder for further configuration.</returns>
    public static ApiClientBuilder<UsersApiClient> AddOnePasswordUsers(this IServiceCollection services, string name, Action<ApiClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, name, configuration: null).Configure(configure);
    }

    private static ApiClientBuilder<UsersApiClient> Register(IServiceCollection services, string name, IConfiguration? configuration)
    {
        ApiClientBuilder<UsersApiClient> builder = services.AddGeneratedApiClient(name, UsersApiClient.Description, adapter => new UsersApiClient(adapter), configuration);
        if (name == DefaultName)
        {
            services.AddSingleton(provider => provider.GetRequiredKeyedService<UsersApiClient>(DefaultName));
        }

        return builder;
    }
}
