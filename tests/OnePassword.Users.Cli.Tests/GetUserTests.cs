using System.Text.Json;
using OnePassword.Users.Cli.Tests.Support;

namespace OnePassword.Users.Cli.Tests;

public sealed class GetUserTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Gets_one_user_as_plain_text()
    {
        var id = fixture.IdOf("alice@example.com");

        var result = await fixture.RunAsync("users", "get", id);

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[1].ShouldStartWith(id);
        lines[1].ShouldContain("alice@example.com");
        lines[1].ShouldContain("Alice Anders");
        lines[1].ShouldContain("active");
    }

    [Fact]
    public async Task Json_output_is_one_user_object()
    {
        var id = fixture.IdOf("sue@example.com");

        var result = await fixture.RunAsync("users", "get", id, "--output", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("id").GetString().ShouldBe(id);
        json.RootElement.GetProperty("state").GetString().ShouldBe("SUSPENDED");
        json.RootElement.GetProperty("path").GetString().ShouldBe($"accounts/{EmulatorFixture.Account}/users/{id}");
    }

    [Fact]
    public async Task A_mistyped_flag_in_place_of_the_id_is_a_usage_error()
    {
        var result = await fixture.RunAsync("users", "get", "--ouput", "json");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("Unrecognized option '--ouput'");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_nonexistent_user_exits_4()
    {
        var result = await fixture.RunAsync("users", "get", "NOSUCHUSER2345ABCDEFGHIJKL");

        result.ExitCode.ShouldBe(4, result.ToString());
        result.Stderr.ShouldContain("Not found");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unusable_id_is_a_usage_error()
    {
        var result = await fixture.RunAsync("users", "get", "..");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("'..' is not a usable user id");
    }

    [Fact]
    public async Task A_missing_id_is_a_usage_error()
    {
        var result = await fixture.RunAsync("users", "get");

        result.ExitCode.ShouldBe(2, result.ToString());
    }
}
