using OnePassword.Users.Runtime;

namespace OnePassword.Users.Auth.Tests;

/// <summary>Option validation names the setting that was wrong.</summary>
public sealed class TokenCacheOptionsTests
{
    public static TheoryData<string, Action<TokenCacheOptions>> InvalidSettings => new()
    {
        { nameof(TokenCacheOptions.RefreshAtLifetimeFraction), options => options.RefreshAtLifetimeFraction = 0 },
        { nameof(TokenCacheOptions.RefreshAtLifetimeFraction), options => options.RefreshAtLifetimeFraction = 1.01 },
        { nameof(TokenCacheOptions.RefreshAtLifetimeFraction), options => options.RefreshAtLifetimeFraction = double.NaN },
        { nameof(TokenCacheOptions.Jitter), options => options.Jitter = -0.01 },
        { nameof(TokenCacheOptions.Jitter), options => options.Jitter = 0.6 },
        { nameof(TokenCacheOptions.MinimumRefreshBeforeExpiry), options => options.MinimumRefreshBeforeExpiry = TimeSpan.FromSeconds(-1) },
        { nameof(TokenCacheOptions.MaxTokenRequestAttempts), options => options.MaxTokenRequestAttempts = 0 },
        { nameof(TokenCacheOptions.RetryBaseDelay), options => options.RetryBaseDelay = TimeSpan.Zero },
        { nameof(TokenCacheOptions.RetryMaxDelay), options => options.RetryMaxDelay = TimeSpan.FromSeconds(-1) },
        { nameof(TokenCacheOptions.DefaultTokenLifetime), options => options.DefaultTokenLifetime = TimeSpan.Zero },
        { nameof(TokenCacheOptions.RevocationTimeout), options => options.RevocationTimeout = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void An_out_of_range_setting_is_refused_naming_it(string name, Action<TokenCacheOptions> set)
    {
        var options = new TokenCacheOptions();

        Should.Throw<ArgumentOutOfRangeException>(() => set(options)).ParamName.ShouldBe(name);
    }

    [Fact]
    public void The_defaults_suit_900_second_tokens()
    {
        var options = new TokenCacheOptions();

        options.RefreshAtLifetimeFraction.ShouldBe(0.8);
        options.Jitter.ShouldBe(0.05);
        options.MinimumRefreshBeforeExpiry.ShouldBe(TimeSpan.FromSeconds(30));
        options.MaxTokenRequestAttempts.ShouldBe(4);
        options.RetryBaseDelay.ShouldBe(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void Credentials_and_endpoints_refuse_bad_arguments_naming_them()
    {
        Should.Throw<ArgumentException>(() => new ClientCredentials("", "secret-value")).ParamName.ShouldBe("clientId");
        Should.Throw<ArgumentException>(() => new ClientCredentials("id", "secret-value", " ")).ParamName.ShouldBe("scope");
        Should.Throw<ArgumentException>(() => new TokenEndpoint(new Uri("/token", UriKind.Relative))).ParamName.ShouldBe("tokenUri");
        Should.Throw<ArgumentException>(() => new TokenEndpoint(new Uri("https://a.test/t"), new Uri("ftp://a.test/r"))).ParamName.ShouldBe("revocationUri");
        Should.Throw<ArgumentException>(() => new TokenEndpoint(new Uri("https://a.test/t"), scopes: ["open id"])).ParamName.ShouldBe("scopes");
    }
}
