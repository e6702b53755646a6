using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OnePassword.Users.Emulator;

namespace OnePassword.Users.Hosting.Tests;

/// <summary>Hosts built as an application builds them: configuration sections, then the registration.</summary>
internal static class HostBuilding
{
    /// <summary>The configuration keys of a client of <paramref name="emulator"/>, under <paramref name="section"/>.</summary>
    public static Dictionary<string, string?> Section(string section, UsersApiEmulator emulator, EmulatorClient? client = null) => new()
    {
        [$"{section}:ClientId"] = (client ?? emulator.DefaultClient).ClientId,
        [$"{section}:ClientSecret"] = (client ?? emulator.DefaultClient).ClientSecret,
        [$"{section}:BaseUrl"] = emulator.BaseUrl.ToString(),
        [$"{section}:RateLimit:Enabled"] = "false",
        [$"{section}:Retry:BaseDelay"] = "00:00:00.010",
        [$"{section}:Retry:MaxDelay"] = "00:00:00.100",
    };

    public static HostApplicationBuilder Builder(params Dictionary<string, string?>[] sections)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(sections.SelectMany(section => section));
        return builder;
    }

    public static async Task<IHost> StartAsync(HostApplicationBuilder builder)
    {
        IHost host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static async Task StopAndDisposeAsync(this IHost host)
    {
        await host.StopAsync();
        if (host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
