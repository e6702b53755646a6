using Microsoft.Extensions.DependencyInjection;

namespace OnePassword.Users.Hosting;

/// <summary>Resolves clients from the keyed singletons the registration made.</summary>
internal sealed class ApiClientFactory<TClient>(IServiceProvider services) : IApiClientFactory<TClient>
    where TClient : class
{
    public TClient Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return services.GetKeyedService<TClient>(name)
            ?? throw new InvalidOperationException($"No {typeof(TClient).Name} is registered under the name '{name}'; register it with AddOnePasswordUsers(\"{name}\", ...).");
    }
}
