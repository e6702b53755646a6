using System.Net;
using OnePassword.Users.Emulator.Tests.TestSupport;

namespace OnePassword.Users.Emulator.Tests;

public sealed class SeedTests
{
    [Fact]
    public async Task A_json_seed_fills_accounts_and_users_that_the_api_serves()
    {
        var seed = EmulatorSeed.FromJson("""
            {
              "accounts": ["EMPTYACCOUNT"],
              "users": [
                { "email": "wendy@example.com", "display_name": "Wendy Appleseed", "role": "owner", "create_time": "2024-01-15T10:30:00Z", "id": "IR7VJHJ36JHINBFAD7V2T5MP3E" },
                { "email": "riley@example.com", "display_name": "Riley Smith", "role": "admin", "state": "SUSPENDED", "externally_managed": true, "create_time": "2024-03-20T09:15:00Z" },
                { "email": "other@example.com", "account_id": "SECONDACCOUNT" }
              ]
            }
            """);

        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { Seed = seed });
        using var api = new ApiClient(emulator);
        using var response = await api.ListAsync(await api.TokenAsync(emulator.DefaultClient));

        var page = await response.PageAsync();
        page.Ids.Count.ShouldBe(2);
        page.Ids[0].ShouldBe("IR7VJHJ36JHINBFAD7V2T5MP3E");
        page.Ids[1].ShouldMatch("^[A-Z2-7]{26}$");
        page.States.ShouldBe(["ACTIVE", "SUSPENDED"]);
        var riley = emulator.State.GetUser(emulator.DefaultAccountId, page.Ids[1])!;
        riley.Role.ShouldBe(UserRole.Admin);
        riley.ExternallyManaged.ShouldBeTrue();
        emulator.State.AccountIds.ShouldBe([emulator.DefaultAccountId, "EMPTYACCOUNT", "SECONDACCOUNT"], ignoreOrder: true);
        emulator.State.CountUsers("SECONDACCOUNT").ShouldBe(1);
        emulator.State.CountUsers("EMPTYACCOUNT").ShouldBe(0);
    }

    [Theory]
    [InlineData("{ not json", "not valid")]
    [InlineData("""{"users":[{"display_name":"No Email"}]}""", "JSON seed user 0: email is required")]
    [InlineData("""{"users":[{"email":"a@example.com"},{"email":"b@example.com","role":"boss"}]}""", "JSON seed user 1: role 'boss'")]
    [InlineData("""{"users":[{"email":"a@example.com","create_time":"yesterday"}]}""", "create_time 'yesterday'")]
    public void A_bad_json_seed_throws_a_format_exception_naming_the_problem(string json, string expectedMessagePart)
    {
        var exception = Should.Throw<FormatException>(() => EmulatorSeed.FromJson(json));

        exception.Message.ShouldContain(expectedMessagePart);
    }

    [Fact]
    public async Task A_csv_seed_reads_quoted_fields_optional_columns_and_other_accounts()
    {
        var seed = EmulatorSeed.FromCsv("""
            email,display_name,role,state,account_id,id
            owner@example.com,"Appleseed, Wendy",Owner,active,,OWNER000000000000000000000
            "member@example.com","Riley ""Rye"" Smith",member,SUSPENDED,,
            far@example.com,Far Away,admin,active,FARACCOUNT,
            """);

        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { Seed = seed });

        var owner = emulator.State.GetUser(emulator.DefaultAccountId, "OWNER000000000000000000000")!;
        owner.DisplayName.ShouldBe("Appleseed, Wendy");
        owner.Role.ShouldBe(UserRole.Owner);
        var member = emulator.State.ListUsers(emulator.DefaultAccountId).Single(user => user.Email == "member@example.com");
        member.DisplayName.ShouldBe("Riley \"Rye\" Smith");
        member.State.ShouldBe(UserState.Suspended);
        emulator.State.ListUsers("FARACCOUNT").Single().Role.ShouldBe(UserRole.Admin);
    }

    [Theory]
    [InlineData("email,display_name,role,state\na@example.com,A,member,active\nb@example.com,B,boss,active", "CSV seed line 3", "role 'boss'")]
    [InlineData("email,display_name,role,state\na@example.com,A,member,sleeping", "CSV seed line 2", "state 'sleeping'")]
    [InlineData("email,display_name,role,state\n\na@example.com,A,member", "CSV seed line 3", "expected 4 fields")]
    [InlineData("email,display_name,role,state\n,A,member,active", "CSV seed line 2", "email is required")]
    [InlineData("email,display_name,role,state\n\"a@example.com,A,member,active", "CSV seed line 2", "not closed")]
    [InlineData("email,display_name,role", "line 1 (header)", "missing column(s) state")]
    [InlineData("email,name,role,state", "line 1 (header)", "unknown column 'name'")]
    [InlineData("", "CSV seed is empty", "header row")]
    public void A_bad_csv_seed_throws_a_format_exception_naming_the_line(string csv, string expectedLine, string expectedProblem)
    {
        var exception = Should.Throw<FormatException>(() => EmulatorSeed.FromCsv(csv));

        exception.Message.ShouldContain(expectedLine);
        exception.Message.ShouldContain(expectedProblem);
    }

    [Fact]
    public async Task Duplicate_emails_in_one_account_are_refused_when_seeding()
    {
        var seed = EmulatorSeed.FromCsv("email,display_name,role,state\na@example.com,A,member,active\nA@EXAMPLE.COM,B,member,active");

        var exception = await Should.ThrowAsync<InvalidOperationException>(() => UsersApiEmulator.StartAsync(new EmulatorOptions { Seed = seed }));

        exception.Message.ShouldContain("A@EXAMPLE.COM");
    }

    [Fact]
    public void The_demo_seed_is_a_realistic_deterministic_account()
    {
        var demo = EmulatorSeed.Demo("ACCOUNT", 300);
        var again = EmulatorSeed.Demo("ACCOUNT", 300);

        demo.Users.Count.ShouldBe(300);
        demo.Users.ShouldBe(again.Users);
        demo.Users.Count(user => user.Role == UserRole.Owner).ShouldBe(2);
        demo.Users.Count(user => user.Role == UserRole.Admin).ShouldBe(10);
        demo.Users.Count(user => user.Role == UserRole.Admin && user.ExternallyManaged).ShouldBe(2);
        demo.Users.Count(user => user.State == UserState.Suspended).ShouldBe(29);
        demo.Users.ShouldAllBe(user => user.Id != null && user.Id.Length == 26 && user.Id.All(c => char.IsAsciiLetterUpper(c) || (c >= '2' && c <= '7')));
        demo.Users.ShouldAllBe(user => user.Email.EndsWith("@example.com", StringComparison.Ordinal) && user.Email.Count(c => c == '.') == 2);
        demo.Users.Select(user => user.Email).Distinct().Count().ShouldBe(300);
        demo.Users.Select(user => user.Id).Distinct().Count().ShouldBe(300);
        demo.Users.Select(user => user.CreateTime).ShouldBeInOrder();
    }

    [Fact]
    public void Large_demo_seeds_keep_emails_unique()
    {
        var demo = EmulatorSeed.Demo("ACCOUNT", 2000);

        demo.Users.Select(user => user.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(2000);
    }

    [Fact]
    public async Task A_user_added_at_run_time_is_served()
    {
        await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { Seed = new EmulatorSeed([]) });
        var added = emulator.State.AddUser(emulator.DefaultAccountId, "new@example.com", "New Person");
        using var api = new ApiClient(emulator);

        using var response = await api.GetAsync(await api.TokenAsync(emulator.DefaultClient), added.Id);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        added.Id.ShouldMatch("^[A-Z2-7]{26}$");
    }
}
