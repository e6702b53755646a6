using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using OnePassword.Users.Auth.Tests.TestSupport;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Auth.Tests;

/// <summary>The client secret and token values never appear in text the library produces.</summary>
public sealed class SecretRedactionTests
{
    private const string Secret = AuthHarness.Secret;

    [Fact]
    public void Client_credentials_print_the_id_and_hide_the_secret()
    {
        var credentials = new ClientCredentials("abc", Secret, "openid");

        credentials.ToString().ShouldBe("ClientCredentials { ClientId = abc, ClientSecret = *** }");
        DebuggerDisplayOf(credentials).ShouldNotContain(Secret);
        DebuggerDisplayOf(credentials).ShouldContain("abc");
    }

    [Fact]
    public void The_secret_is_not_held_as_readable_text_in_any_field()
    {
        var credentials = new ClientCredentials("abc", Secret);
        byte[] secretBytes = Encoding.UTF8.GetBytes(Secret);

        foreach (FieldInfo field in typeof(ClientCredentials).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            object? value = field.GetValue(credentials);
            (value as string ?? string.Empty).ShouldNotContain(Secret, customMessage: field.Name);
            if (value is byte[] bytes)
            {
                bytes.ShouldNotBe(secretBytes, customMessage: field.Name);
            }
        }

        typeof(ClientCredentials).GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Select(property => property.GetValue(credentials) as string)
            .ShouldNotContain(Secret);
    }

    [Fact]
    public void Access_tokens_print_their_expiry_and_hide_their_value()
    {
        var token = new AccessToken("tok-VALUE-NEVER-PRINT", new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero));

        token.ToString().ShouldBe("AccessToken { TokenType = Bearer, ExpiresAt = 2026-11-23T10:15:00.0000000+00:00, Value = *** }");
        DebuggerDisplayOf(token).ShouldNotContain("tok-VALUE-NEVER-PRINT");
    }

    [Fact]
    public void Argument_errors_about_the_secret_do_not_quote_it()
    {
        Should.Throw<ArgumentException>(() => new ClientCredentials(" ", Secret)).Message.ShouldNotContain(Secret);
        Should.Throw<ArgumentException>(() => new ClientCredentials("abc", "   ")).ParamName.ShouldBe("clientSecret");
    }

    [Fact]
    public async Task An_error_page_that_echoes_the_credentials_is_redacted_in_message_body_and_description()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.On(ScriptedServer.TokenPath, async context =>
        {
            string authorization = context.Request.Headers.Authorization.ToString();
            string pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
            context.Response.StatusCode = 401;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"error":"invalid_client","error_description":"bad secret {{Secret}} in {{authorization}} ({{pair}})"}""");
        });

        OAuthTokenException error = await Should.ThrowAsync<OAuthTokenException>(async () => await harness.Provider.GetTokenAsync());

        string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AuthHarness.ClientId}:{Secret}"));
        foreach (string text in new[] { error.Message, error.ErrorDescription ?? string.Empty, error.RawBody ?? string.Empty, error.ToString() })
        {
            text.ShouldNotContain(Secret);
            text.ShouldNotContain(basic);
        }

        error.ErrorDescription.ShouldStartWith("bad secret ***");
    }

    [Fact]
    public async Task An_html_error_page_that_echoes_the_basic_header_is_redacted()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync();
        harness.Server.On(ScriptedServer.TokenPath, context =>
            Replies.With(400, $"<pre>Authorization: {context.Request.Headers.Authorization}</pre>", "text/html")(context));

        OAuthTokenException error = await Should.ThrowAsync<OAuthTokenException>(async () => await harness.Provider.GetTokenAsync());

        string basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AuthHarness.ClientId}:{Secret}"));
        error.Message.ShouldNotContain(basic);
        error.RawBody.ShouldBe("<pre>Authorization: ***</pre>");
    }

    [Fact]
    public async Task The_log_of_a_whole_token_lifecycle_holds_no_secret_and_no_token_at_any_level()
    {
        await using AuthHarness harness = await AuthHarness.StartAsync(new TokenCacheOptions { Jitter = 0 });
        harness.Server.On(
            ScriptedServer.TokenPath,
            Replies.With(503, "down", "text/plain", ("Retry-After", "1")),
            Replies.Token("tok-AAA-never-logged"),
            Replies.OAuthError(401, "invalid_client", "Client authentication failed"),
            Replies.Token("tok-BBB-never-logged"));
        harness.Server.On(ScriptedServer.RevokePath, Replies.OAuthError(401, "invalid_client", "nope"), Replies.Empty());

        Task<AccessToken> first = harness.Provider.GetTokenAsync().AsTask();
        harness.Clock.Advance(await harness.Clock.NextTimerAsync());
        AccessToken token = await Eventually.Within(first);
        harness.Clock.SetSinceStart(TimeSpan.FromSeconds(800));
        await harness.Provider.GetTokenAsync();
        await Eventually.TrueAsync(() => harness.Logged(1003), "the failed background refresh");
        harness.Provider.Invalidate(token);
        await harness.Provider.GetTokenAsync();
        await Should.ThrowAsync<OAuthTokenException>(harness.Provider.RevokeAsync());
        await harness.Provider.RevokeAsync();

        harness.Log.Count.ShouldBeGreaterThan(8);
        foreach (string line in harness.Log.Select(record => string.Join("\n", [record.Message, record.Exception?.ToString(), .. record.StructuredState?.Select(pair => pair.Key + "=" + pair.Value) ?? []])))
        {
            line.ShouldNotContain(Secret);
            line.ShouldNotContain("never-logged");
            line.ShouldNotContain("Basic");
        }
    }

    private static string DebuggerDisplayOf(object value)
    {
        // Evaluates the attribute the way a debugger does for the simple "{Member,nq}" forms used here.
        DebuggerDisplayAttribute attribute = value.GetType().GetCustomAttribute<DebuggerDisplayAttribute>().ShouldNotBeNull();
        string member = attribute.Value.Trim('{', '}').Split(',')[0];
        Type type = value.GetType();
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        object? shown = member.EndsWith("()", StringComparison.Ordinal)
            ? type.GetMethod(member[..^2], all, [])!.Invoke(value, null)
            : type.GetProperty(member, all)!.GetValue(value);
        return shown.ShouldBeOfType<string>();
    }
}
