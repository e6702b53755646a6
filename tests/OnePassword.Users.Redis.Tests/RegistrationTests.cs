using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OnePassword.Users.Emulator;
using OnePassword.Users.Hosting;

namespace OnePassword.Users.Redis.Tests;

/// <summary>UseRedis on the registration: two hosts (as two processes would) share the budget and the token.</summary>
public sealed class RegistrationTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task Two_hosts_bound_from_configuration_share_one_token_through_redis()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        string prefix = "registration-" + Support.UniqueKey();

        async Task<IHost> StartHostAsync()
        {
            HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["OnePasswordUsers:ClientId"] = emulator.DefaultClient.ClientId,
                ["OnePasswordUsers:ClientSecret"] = emulator.DefaultClient.ClientSecret,
                ["OnePasswordUsers:BaseUrl"] = emulator.BaseUrl.ToString(),
                ["OnePasswordUsers:Redis:Configuration"] = redis.Server.Configuration,
                ["OnePasswordUsers:Redis:TokenEncryptionKey"] = key,
                ["OnePasswordUsers:Redis:KeyPrefix"] = prefix,
            });
            builder.Services.AddOnePasswordUsers(builder.Configuration.GetSection("OnePasswordUsers"))
                .UseRedis(builder.Configuration.GetSection("OnePasswordUsers:Redis"));
            IHost host = builder.Build();
            await host.StartAsync();
            return host;
        }

        using IHost first = await StartHostAsync();
        using IHost second = await StartHostAsync();
        await first.Services.GetRequiredService<UsersApiClient>().Accounts[emulator.DefaultAccountId].Users.GetAsync(q => q.QueryParameters.MaxPageSize = 1);
        await second.Services.GetRequiredService<UsersApiClient>().Accounts[emulator.DefaultAccountId].Users.GetAsync(q => q.QueryParameters.MaxPageSize = 1);

        emulator.Statistics.TokensIssued.ShouldBe(1);
        await first.StopAsync();
        await second.StopAsync();
        emulator.Statistics.RevocationRequests.ShouldBe(0, "a token the fleet shares is left to expire");
    }
}
