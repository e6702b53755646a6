using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OnePassword.Users.Emulator;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hosting.Tests;

/// <summary>AddOnePasswordUsers in a real Host: configuration, named clients, lifetimes and validation at start.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public async Task The_default_client_binds_its_section_and_calls_the_api()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        HostApplicationBuilder builder = HostBuilding.Builder(HostBuilding.Section("OnePasswordUsers", emulator));
        builder.Services.AddOnePasswordUsers(builder.Configuration.GetSection("OnePasswordUsers"));
        IHost host = await HostBuilding.StartAsync(builder);

        var client = host.Services.GetRequiredService<UsersApiClient>();
        var page = await client.Accounts[emulator.DefaultAccountId].Users.GetAsync(q => q.QueryParameters.MaxPageSize = 5);

        page.Results!.Count.ShouldBe(5);
        host.Services.GetRequiredService<UsersApiClient>().ShouldBeSameAs(client);
        host.Services.GetRequiredKeyedService<UsersApiClient>("OnePasswordUsers").ShouldBeSameAs(client);
        await host.StopAndDisposeAsync();
    }

    [Fact]
    public async Task Named_clients_for_two_accounts_live_side_by_side_and_resolve_by_name()
    {
        await using var us = await UsersApiEmulator.StartAsync(new EmulatorOptions { DefaultAccountId = "USACCOUNT" });
        await using var eu = await UsersApiEmulator.StartAsync(new EmulatorOptions { DefaultAccountId = "EUACCOUNT" });
        HostApplicationBuilder builder = HostBuilding.Builder(HostBuilding.Section("OnePassword:Us", us), HostBuilding.Section("OnePassword:Eu", eu));
        builder.Services.AddOnePasswordUsers("us", builder.Configuration.GetSection("OnePassword:Us"));
        builder.Services.AddOnePasswordUsers("eu", builder.Configuration.GetSection("OnePassword:Eu"));
        IHost host = await HostBuilding.StartAsync(builder);

        var factory = host.Services.GetRequiredService<IApiClientFactory<UsersApiClient>>();
        var fromUs = await factory.Get("us").Accounts["USACCOUNT"].Users.GetAsync(q => q.QueryParameters.MaxPageSize = 1);
        var fromEu = await host.Services.GetRequiredKeyedService<UsersApiClient>("eu").Accounts["EUACCOUNT"].Users.GetAsync(q => q.QueryParameters.MaxPageSize = 1);

        fromUs.Results!.ShouldHaveSingleItem().Path.ShouldStartWith("accounts/USACCOUNT/");
        fromEu.Results!.ShouldHaveSingleItem().Path.ShouldStartWith("accounts/EUACCOUNT/");
        factory.Get("eu").ShouldNotBeSameAs(factory.Get("us"));
        Should.Throw<InvalidOperationException>(() => factory.Get("apac")).Message.ShouldContain("'apac'");
        host.Services.GetService<UsersApiClient>().ShouldBeNull("no client was registered under the default name");
        await host.StopAndDisposeAsync();
    }

    [Theory]
    [InlineData("ClientId", null, "OnePasswordUsers:ClientId is required: the OAuth application's client id.")]
    [InlineData("BaseUrl", "http://users.example.test/", "OnePasswordUsers:BaseUrl 'http://users.example.test/' uses plain HTTP")]
    [InlineData("Region", "1password.de", "OnePasswordUsers:Region '1password.de' matches none of the API's servers")]
    [InlineData("Timeout", "-00:00:01", "OnePasswordUsers:Timeout must be positive")]
    [InlineData("Retry:MaxRetries", "-1", "OnePasswordUsers:Retry:MaxRetries must not be negative")]
    [InlineData("RateLimit:SafetyMargin", "-00:00:01", "OnePasswordUsers:RateLimit:SafetyMargin must not be negative")]
    [InlineData("ApplicationUserAgent", "not a product", "OnePasswordUsers:ApplicationUserAgent 'not a product' is not a User-Agent product list")]
    public async Task A_bad_setting_stops_the_host_at_start_with_a_message_naming_its_key(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OnePasswordUsers:ClientId"] = "client",
            ["OnePasswordUsers:ClientSecret"] = "secret",
            ["OnePasswordUsers:Region"] = "1password.eu",
        };
        if (key == "BaseUrl")
        {
            settings.Remove("OnePasswordUsers:Region");
        }

        settings["OnePasswordUsers:" + key] = value;
        HostApplicationBuilder builder = HostBuilding.Builder(settings);
        builder.Services.AddOnePasswordUsers(builder.Configuration.GetSection("OnePasswordUsers"));
        using IHost host = builder.Build();

        var failure = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        failure.Message.ShouldContain(expected);
    }

    [Fact]
    public async Task Every_bad_setting_is_reported_at_once()
    {
        HostApplicationBuilder builder = HostBuilding.Builder(new Dictionary<string, string?> { ["OnePasswordUsers:Region"] = "1password.eu" });
        builder.Services.AddOnePasswordUsers(builder.Configuration.GetSection("OnePasswordUsers"));
        using IHost host = builder.Build();

        var failure = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        failure.Failures.ShouldBe(
        [
            "OnePasswordUsers:ClientId is required: the OAuth application's client id.",
            "OnePasswordUsers:ClientSecret is required: the OAuth application's client secret.",
        ]);
    }

    [Fact]
    public async Task Stopping_the_host_revokes_the_token()
    {
        await using var emulator = await UsersApiEmulator.StartAsync();
        HostApplicationBuilder builder = HostBuilding.Builder(HostBuilding.Section("OnePasswordUsers", emulator));
        builder.Services.AddOnePasswordUsers(builder.Configuration.GetSection("OnePasswordUsers"));
        IHost host = await HostBuilding.StartAsync(builder);
        await host.Services.GetRequiredService<UsersApiClient>().Accounts[emulator.DefaultAccountId].Users.GetAsync(q => q.QueryParameters.MaxPageSize = 1);
        emulator.State.CountActiveTokens().ShouldBe(1);

        await host.StopAndDisposeAsync();

        emulator.State.CountActiveTokens().ShouldBe(0);
        emulator.State.Tokens.ShouldHaveSingleItem().Revoked.ShouldBeTrue();
    }

    [Fact]
    public async Task The_application_user_agent_goes_in_front_of_the_sdks()
    {
        string? userAgent = null;
        await using var api = HostileServer.Start(exchange =>
        {
            if (exchange.Request.Target.EndsWith("/oauth2/token", StringComparison.Ordinal))
            {
                return exchange.RespondAsync(200, """{"access_token":"t","token_type":"Bearer","expires_in":900}""");
            }

            userAgent = exchange.Request.Header("User-Agent");
            return exchange.RespondAsync(200, """{"id":"U","email":"u@example.com","display_name":"U","state":"ACTIVE","create_time":"2024-01-01T00:00:00Z","path":"accounts/A/users/U"}""");
        });
        HostApplicationBuilder builder = HostBuilding.Builder();
        builder.Services.AddOnePasswordUsers(options =>
        {
            options.ClientId = "client";
            options.ClientSecret = "secret";
            options.BaseUrl = api.BaseAddress;
            options.ApplicationUserAgent = "ContosoSOAR/2.1";
        });
        IHost host = await HostBuilding.StartAsync(builder);

        await host.Services.GetRequiredService<UsersApiClient>().Accounts["A"].Users["U"].GetAsync();

        userAgent.ShouldBe($"ContosoSOAR/2.1 {ApiClientOptions.DefaultUserAgent}");
        await host.StopAndDisposeAsync();
    }

    [Fact]
    public async Task The_hardening_rules_hold_under_the_factory_redirects_included()
    {
        await using var elsewhere = HostileServer.Start(exchange => exchange.RespondAsync(200, "{}"));
        await using var api = HostileServer.Start(exchange => exchange.Request.Target.EndsWith("/oauth2/token", StringComparison.Ordinal)
            ? exchange.RespondAsync(200, """{"access_token":"t","token_type":"Bearer","expires_in":900}""")
            : exchange.RedirectAsync(302, new Uri(elsewhere.BaseAddress, "x")));
        HostApplicationBuilder builder = HostBuilding.Builder();
        builder.Services.AddOnePasswordUsers("default-primary", options => Local(options, api));
        builder.Services.AddOnePasswordUsers("redirecting-primary", options => Local(options, api))
            .HttpClient.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = true });
        IHost host = await HostBuilding.StartAsync(builder);
        var factory = host.Services.GetRequiredService<IApiClientFactory<UsersApiClient>>();

        var refused = await Should.ThrowAsync<RedirectRefusedException>(() => factory.Get("default-primary").Accounts["A"].Users["U"].GetAsync());
        var followed = await Should.ThrowAsync<RedirectRefusedException>(() => factory.Get("redirecting-primary").Accounts["A"].Users["U"].GetAsync());

        refused.ResponseStatusCode.ShouldBe(302);
        followed.Message.ShouldContain("was redirected by the transport to");
        elsewhere.Requests.ShouldAllBe(request => request.Header("Authorization") == null);
        await host.StopAndDisposeAsync();
    }

    [Fact]
    public async Task A_transport_given_in_the_options_carries_the_calls_as_it_does_for_Create()
    {
        await using var api = HostileServer.Start(exchange => exchange.Request.Target.EndsWith("/oauth2/token", StringComparison.Ordinal)
            ? exchange.RespondAsync(200, """{"access_token":"t","token_type":"Bearer","expires_in":900}""")
            : exchange.RespondAsync(200, """{"id":"U","email":"u@example.com","display_name":"U","state":"ACTIVE","create_time":"2024-01-01T00:00:00Z","path":"accounts/A/users/U"}"""));
        using var transport = new CountingHandler(new SocketsHttpHandler { AllowAutoRedirect = false });
        HostApplicationBuilder builder = HostBuilding.Builder();
        builder.Services.AddOnePasswordUsers(options =>
        {
            Local(options, api);
            options.Transport = transport;
        });
        IHost host = await HostBuilding.StartAsync(builder);

        await host.Services.GetRequiredService<UsersApiClient>().Accounts["A"].Users["U"].GetAsync();

        transport.Requests.ShouldBe(2, "the token request and the call");
        await host.StopAndDisposeAsync();
    }

    private static void Local(ApiClientOptions options, HostileServer api)
    {
        options.ClientId = "client";
        options.ClientSecret = "secret";
        options.BaseUrl = api.BaseAddress;
        options.Retry = new RetryOptions { MaxRetries = 0 };
        options.RateLimit = new RateLimitOptions { Enabled = false };
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public int Requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
