using OnePassword.Users.Cli.Bulk;
using OnePassword.Users.Cli.Output;

namespace OnePassword.Users.Cli.Tests;

/// <summary>The forms targets come in, and the spreadsheet guard's round trip.</summary>
public sealed class TargetTextTests
{
    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-dash@example.com", "'-dash@example.com")]
    [InlineData("@home", "'@home")]
    [InlineData("\tindent", "'\tindent")]
    [InlineData("'quoted", "''quoted")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void The_formula_guard_marks_risky_cells_and_comes_off_exactly(string cell, string guarded)
    {
        FormulaGuard.Protect(cell).ShouldBe(guarded);
        FormulaGuard.Unprotect(guarded).ShouldBe(cell);
    }

    [Fact]
    public void A_hand_written_leading_quote_is_kept()
    {
        FormulaGuard.Unprotect("'O'Brien").ShouldBe("'O'Brien");
    }

    [Fact]
    public void Plain_lines_mix_ids_and_emails()
    {
        var targets = TargetText.Parse("stdin", "ABCDEF\n\nbob@example.com\r\n");

        targets.Select(target => (target.Source, target.Value, target.Kind)).ShouldBe([("stdin line 1", "ABCDEF", TargetKind.Id), ("stdin line 3", "bob@example.com", TargetKind.Email)]);
    }

    [Fact]
    public void A_json_array_of_users_or_strings_and_json_lines_all_read()
    {
        TargetText.Parse("in", """[{"id":"A1","email":"a@example.com"},"b@example.com"]""").Select(target => target.Value).ShouldBe(["A1", "b@example.com"]);
        TargetText.Parse("in", "{\"user_id\":\"U1\",\"target\":\"x\"}\n{\"email\":\"c@example.com\"}\n").Select(target => target.Value).ShouldBe(["U1", "c@example.com"]);
        TargetText.Parse("in", "[{\"name\":\"nobody\"}]").ShouldHaveSingleItem().Problem.ShouldBe("the item has no id, user_id or email");
    }

    [Fact]
    public void A_csv_row_without_an_id_uses_its_email()
    {
        var targets = TargetText.Parse("f.csv", "id,email\r\n,a@example.com\r\nID2,b@example.com\r\n,\r\n");

        targets.Select(target => target.Value).ShouldBe(["a@example.com", "ID2", string.Empty]);
        targets[2].Problem.ShouldBe("the id and the email are empty");
    }

    [Fact]
    public void Broken_json_is_a_usage_error_that_names_the_input()
    {
        Should.Throw<UsageException>(() => TargetText.Parse("stdin", "[{\"id\":")).Message.ShouldStartWith("stdin is not valid JSON");
    }
}
