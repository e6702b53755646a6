using Microsoft.AspNetCore.Http;
using OnePassword.Users.Cli.Tests.Support;
using OnePassword.Users.Testing;

namespace OnePassword.Users.Cli.Tests;

/// <summary>A server that answers nonsense for one user: that user fails with the reason, and the others are still done.</summary>
public sealed class UnreadableAnswerTests
{
    private const string Account = "ACCOUNT";

    [Fact]
    public async Task An_answer_the_client_cannot_read_fails_only_its_own_user()
    {
        await using var server = await LoopbackHost.StartAsync(context => context.Request.Path.Value switch
        {
            "/v1beta1/users/oauth2/token" => HttpReply.With(200, """{"access_token":"t0k3n","token_type":"Bearer","expires_in":900}""")(context),
            "/v1beta1/users/oauth2/revoke" => HttpReply.With(200)(context),
            var path when path!.EndsWith("/BADUSER", StringComparison.Ordinal) => HttpReply.With(200, """{"id": 42, "email": [""")(context),
            var path when path!.EndsWith(":suspend", StringComparison.Ordinal) => HttpReply.With(200, User(path.Split('/')[^1].Split(':')[0], "SUSPENDED"))(context),
            var path => HttpReply.With(200, User(path!.Split('/')[^1], "ACTIVE"))(context),
        });

        var result = await Tool.RunAsync(
            new ToolRun(),
            "users", "suspend", "GOODUSERONE", "BADUSER", "GOODUSERTWO", "-o", "json",
            "--base-url", server.BaseAddress.ToString(), "--client-id", "client", "--client-secret", "secret", "--account", Account);

        result.ExitCode.ShouldBe(1, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3, result.ToString());
        lines[0].ShouldContain("\"outcome\":\"changed\"");
        lines[1].ShouldContain("\"target\":\"BADUSER\"");
        lines[1].ShouldContain("\"outcome\":\"failed\"");
        lines[1].ShouldContain("\"failure\":\"api_error\"");
        lines[2].ShouldContain("\"outcome\":\"changed\"");
        result.Stderr.ShouldContain("Summary: 2 suspended, 0 already suspended, 1 failed.");
    }

    private static string User(string id, string state) =>
        $$"""{"id":"{{id}}","email":"{{id.ToLowerInvariant()}}@example.com","state":"{{state}}","path":"accounts/{{Account}}/users/{{id}}"}""";
}
