using OnePassword.Users.Emulator.Standalone;

namespace OnePassword.Users.Emulator.Tests;

public sealed class CommandLineParserTests
{
    [Fact]
    public void No_arguments_give_the_documented_defaults()
    {
        var parsed = CommandLineParser.Parse([]);

        parsed.Port.ShouldBe(5099);
        parsed.SeedPath.ShouldBeNull();
        parsed.RateLimitingEnabled.ShouldBeTrue();
        parsed.RetryAfterFormat.ShouldBe(RetryAfterFormat.DeltaSeconds);
        parsed.ShowHelp.ShouldBeFalse();
        parsed.ToOptions(_ => throw new InvalidOperationException("no file should be read")).TokenLifetime.ShouldBe(TimeSpan.FromSeconds(900));
    }

    [Fact]
    public void Every_option_is_read_in_both_spellings()
    {
        var parsed = CommandLineParser.Parse(
        [
            "--port", "5100", "--seed=users.json", "--token-lifetime", "60", "--no-rate-limit", "--retry-after", "http-date",
            "--account-id=ACCT", "--client-id", "cid", "--client-secret", "secret", "--random-seed", "7",
        ]);

        parsed.ShouldBe(new StandaloneArguments
        {
            Port = 5100,
            SeedPath = "users.json",
            TokenLifetime = TimeSpan.FromSeconds(60),
            RateLimitingEnabled = false,
            RetryAfterFormat = RetryAfterFormat.HttpDate,
            AccountId = "ACCT",
            ClientId = "cid",
            ClientSecret = "secret",
            RandomSeed = 7,
        });
    }

    [Theory]
    [InlineData("00:15:00", 900)]
    [InlineData("30", 30)]
    public void Token_lifetime_accepts_seconds_or_a_time_span(string value, int expectedSeconds) =>
        CommandLineParser.Parse(["--token-lifetime", value]).TokenLifetime.ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port", "abc")]
    [InlineData("--port")]
    [InlineData("--token-lifetime", "0")]
    [InlineData("--token-lifetime", "soon")]
    [InlineData("--retry-after", "never")]
    [InlineData("--no-rate-limit=false")]
    [InlineData("--seed", "--port", "1")]
    [InlineData("--colour", "blue")]
    public void Wrong_arguments_throw_a_message_naming_the_option(params string[] args)
    {
        var exception = Should.Throw<CommandLineException>(() => CommandLineParser.Parse(args));

        exception.Message.ShouldContain(args[0].Split('=')[0]);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_is_recognised(string flag) => CommandLineParser.Parse([flag]).ShowHelp.ShouldBeTrue();

    [Fact]
    public void The_seed_file_is_read_as_json_or_csv_by_its_extension()
    {
        var files = new Dictionary<string, string>
        {
            ["users.json"] = """{"users":[{"email":"json@example.com"}]}""",
            ["users.CSV"] = "email,display_name,role,state\ncsv@example.com,Csv,member,active",
        };

        var fromJson = CommandLineParser.Parse(["--seed", "users.json"]).ToOptions(path => files[path]);
        var fromCsv = CommandLineParser.Parse(["--seed", "users.CSV"]).ToOptions(path => files[path]);

        fromJson.Seed!.Users.Single().Email.ShouldBe("json@example.com");
        fromCsv.Seed!.Users.Single().Email.ShouldBe("csv@example.com");
        Should.Throw<CommandLineException>(() => CommandLineParser.Parse(["--seed", "users.txt"]).ToOptions(_ => string.Empty))
            .Message.ShouldContain(".json or .csv");
    }
}
