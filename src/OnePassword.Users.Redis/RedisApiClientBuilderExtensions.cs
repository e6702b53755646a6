using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OnePassword.Users.Redis;
using OnePassword.Users.Runtime;
using StackExchange.Redis;

namespace OnePassword.Users.Hosting;

/// <summary>Puts a registered client's rate budget and token on Redis, shared with every process of the fleet.</summary>
public static class RedisApiClientBuilderExtensions
{
    /// <summary>
    /// Coordinates the client through the Redis at <paramref name="configuration"/> (a
    /// StackExchange.Redis configuration string such as <c>localhost:6379</c>). One connection is
    /// made per process and configuration, and reconnects by itself.
    /// </summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="builder">The registration.</param>
    /// <param name="configuration">The Redis configuration string.</param>
    /// <param name="configure">Sets the coordination options (the token key, the failure mode, ...).</param>
    /// <returns>The registration.</returns>
    public static ApiClientBuilder<TClient> UseRedis<TClient>(this ApiClientBuilder<TClient> builder, string configuration, Action<RedisCoordinationOptions>? configure = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        // One connection per configuration string, keyed by its hash: the string may hold a
        // password, and service keys show in the container's diagnostics.
        string connectionKey = "OnePassword.Users.Redis:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(configuration)));
        builder.Services.TryAddKeyedSingleton<IConnectionMultiplexer>(connectionKey, (_, _) => Connect(configuration));
        builder.Services.AddOptions<ApiClientOptions>(builder.Name).Configure<IServiceProvider>((options, services) =>
        {
            var redis = new RedisCoordinationOptions();
            configure?.Invoke(redis);
            options.Coordination = new RedisCoordination(services.GetRequiredKeyedService<IConnectionMultiplexer>(connectionKey), redis);
        });
        return builder;
    }

    /// <summary>Coordinates the client through Redis, with the connection string and options bound from <paramref name="section"/> (<c>Configuration</c>, <c>TokenEncryptionKey</c> as Base64, <c>FailureMode</c>, ...).</summary>
    /// <typeparam name="TClient">The generated client type.</typeparam>
    /// <param name="builder">The registration.</param>
    /// <param name="section">The section, for example <c>OnePasswordUsers:Redis</c>.</param>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentException">The section has no <c>Configuration</c>.</exception>
    public static ApiClientBuilder<TClient> UseRedis<TClient>(this ApiClientBuilder<TClient> builder, IConfiguration section)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(section);
        string configuration = section["Configuration"] is { Length: > 0 } value
            ? value
            : throw new ArgumentException($"{(section as IConfigurationSection)?.Path ?? "The section"}:Configuration is required: the Redis configuration string, for example localhost:6379.", nameof(section));
        return builder.UseRedis(configuration, options =>
        {
            section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = false);
            if (section["TokenEncryptionKey"] is { Length: > 0 } key)
            {
                options.TokenEncryptionKey = Convert.FromBase64String(key);
            }
        });
    }

    private static ConnectionMultiplexer Connect(string configuration)
    {
        ConfigurationOptions options = ConfigurationOptions.Parse(configuration);
        // A worker must start while Redis is down, and reconnect on its own when it is back.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        return ConnectionMultiplexer.Connect(options);
    }
}
