using Microsoft.OpenApi;
using Shouldly;

namespace OnePassword.Users.Spec.Tests;

public class SpecLoadsTests
{
    [Fact]
    public void Parses_as_OpenApi_3_1_without_errors_or_warnings()
    {
        var result = UsersApiSpec.Result;

        result.Diagnostic.ShouldNotBeNull();
        result.Diagnostic.Errors.ShouldBeEmpty();
        result.Diagnostic.Warnings.ShouldBeEmpty();
        result.Diagnostic.SpecificationVersion.ShouldBe(OpenApiSpecVersion.OpenApi3_1);
    }

    [Fact]
    public void Servers_select_the_region_through_a_variable()
    {
        var server = UsersApiSpec.Document.Servers.ShouldHaveSingleItem();

        server.Url.ShouldBe("https://api.{region}");
        var region = server.Variables!["region"];
        region.Default.ShouldBe("1password.com");
        region.Enum.ShouldBe(["1password.com", "1password.ca", "1password.eu"]);
    }

    [Fact]
    public void Declares_the_documented_rate_limits_as_an_extension()
    {
        UsersApiSpec.Document.Info.Extensions!.ShouldContainKey("x-rate-limits");
    }
}
