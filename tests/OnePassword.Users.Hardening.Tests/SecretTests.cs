using System.Text.Encodings.Web;
using OnePassword.Users.Hardening.Tests.Support;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hardening.Tests;

/// <summary>
/// Nothing handed to a caller holds a credential: not exceptions (message, headers, body,
/// ToString), not retry callbacks, not diagnostics - however the server echoes it, and however short it is.
/// </summary>
public sealed class SecretTests
{
    private const string Token = "tok_5fGh7JkL9mNpQrSt";

    [Fact]
    public async Task A_retry_attempt_shows_the_request_line_and_never_the_token()
    {
        int calls = 0;
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, exchange => Interlocked.Increment(ref calls) == 1
            ? exchange.RespondAsync(503, """{"code":14,"message":"try again"}""", "application/json", ("Retry-After", "0"))
            : exchange.RespondAsync(200, HostileApi.UserJson())));
        var attempts = new List<RetryAttempt>();
        await using var client = HostileApi.Create(api, options => options.Retry = new RetryOptions { MaxRetries = 2, OnRetry = attempts.Add });

        await client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync();

        RetryAttempt attempt = attempts.ShouldHaveSingleItem();
        attempt.RequestMethod.ShouldBe("GET");
        attempt.OperationName.ShouldBe("getUser");
        attempt.Reason.ShouldBe("HTTP 503");
        attempt.ToString().ShouldNotContain(Token);
        attempt.ToString().ShouldNotContain("Bearer");
        attempt.ToString().ShouldContain("v1beta1/accounts/ACCOUNT/users/USER");
    }

    [Fact]
    public async Task Echoed_tokens_in_headers_and_bodies_are_redacted_from_everything_the_exception_shows()
    {
        await using var api = HostileServer.Start(HostileApi.WithTokens(Token, exchange => exchange.RespondAsync(
            403,
            $$"""{"code":7,"message":"denied for Bearer {{Token}}","details":[{"access_token":"{{Token}}"}]}""",
            "application/json",
            ("X-Debug-Authorization", "Bearer " + Token),
            ("Set-Cookie", "session=abc123; HttpOnly"),
            ("X-Echo", "you sent " + Token),
            ("X-Request-Id", "req-42"))));
        await using var client = HostileApi.Create(api);

        var denied = await Should.ThrowAsync<PermissionDeniedException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].Suspend.PostAsync());

        string everything = Everything(denied);
        everything.ShouldNotContain(Token);
        everything.ShouldNotContain("abc123");
        denied.ResponseHeaders["X-Request-Id"].ShouldBe(["req-42"]);
        denied.ResponseHeaders["Set-Cookie"].ShouldBe(["***"]);
        denied.ResponseHeaders["X-Echo"].ShouldBe(["you sent ***"]);
        denied.RpcMessage.ShouldBe("denied for Bearer ***");
    }

    [Theory]
    [InlineData("p+ss/w<rd>&'\"")]
    [InlineData("o")]
    [InlineData("abc")]
    public async Task An_echoed_client_secret_is_redacted_in_every_encoding_and_short_secrets_do_not_garble_the_message(string secret)
    {
        string jsonEscaped = JavaScriptEncoder.Default.Encode(secret);
        string formEncoded = Uri.EscapeDataString(secret);
        await using var api = HostileServer.Start(exchange => exchange.RespondAsync(
            401,
            $$"""{"error":"invalid_client","error_description":"Cannot authenticate client {{jsonEscaped}} ({{formEncoded}}); client_secret={{formEncoded}}","client_secret":"{{jsonEscaped}}"}""",
            "application/json",
            ("X-Echo-Secret", secret),
            ("X-Client-Secret", secret)));
        await using var client = HostileApi.Create(api, options => options.ClientSecret = secret);

        var refused = await Should.ThrowAsync<OAuthTokenException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        string everything = Everything(refused);
        foreach (string form in new[] { secret, jsonEscaped, formEncoded }.Where(form => form.Length > 3))
        {
            everything.ShouldNotContain(form);
        }

        refused.ErrorDescription.ShouldBe("Cannot authenticate client *** (***); client_secret=***");
        refused.Message.ShouldContain("(invalid_client): Cannot authenticate client ***");
        refused.ResponseHeaders["X-Echo-Secret"].ShouldBe(["***"]);
        refused.ResponseHeaders["X-Client-Secret"].ShouldBe(["***"]);
    }

    [Fact]
    public async Task A_one_letter_secret_leaves_words_that_contain_it_alone()
    {
        await using var api = HostileServer.Start(exchange => exchange.RespondAsync(401, """{"error":"invalid_client","error_description":"Cannot reach the account store"}"""));
        await using var client = HostileApi.Create(api, options => options.ClientSecret = "o");

        var refused = await Should.ThrowAsync<OAuthTokenException>(() => client.Accounts[HostileApi.AccountId].Users[HostileApi.UserId].GetAsync());

        refused.Message.ShouldEndWith("(invalid_client): Cannot reach the account store");
    }

    private static string Everything(ApiErrorException exception) => string.Join(
        "\n",
        exception.ToString(),
        exception.Message,
        exception.RawBody,
        exception.RpcMessage,
        string.Join("\n", exception.ResponseHeaders.SelectMany(header => header.Value.Select(value => header.Key + ": " + value))),
        string.Join("\n", exception.Details.Select(detail => detail.GetRawText())));
}
