namespace OnePassword.Users.Hosting;

/// <summary>Resolves a registered client by its name, for code that picks the account or region at run time.</summary>
/// <typeparam name="TClient">The generated client type.</typeparam>
public interface IApiClientFactory<out TClient>
    where TClient : class
{
    /// <summary>The client registered under <paramref name="name"/>.</summary>
    /// <param name="name">The name given to <c>AddOnePasswordUsers</c>.</param>
    /// <returns>The client, a singleton per name.</returns>
    /// <exception cref="InvalidOperationException">No client of that name is registered.</exception>
    TClient Get(string name);
}
