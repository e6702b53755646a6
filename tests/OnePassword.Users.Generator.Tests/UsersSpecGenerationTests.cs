using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Generator.Tests;

public class UsersSpecGenerationTests
{
    private static readonly Lazy<GeneratorRun> Users = new(() => GeneratorHarness.Run(SpecInput.Users(SpecFiles.UsersApi)));

    [Fact]
    public void The_users_spec_generates_without_diagnostics_and_compiles_without_warnings()
    {
        Users.Value.GeneratorDiagnostics.ShouldBeEmpty();
        Users.Value.CompileProblems.Select(d => d.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void Every_generated_file_matches_its_snapshot()
    {
        var mismatches = Users.Value.Sources
            .Select(source => Approvals.Compare(source.SourceText.ToString(), "users-api." + source.HintName.Replace(".g.cs", string.Empty, StringComparison.Ordinal)))
            .Append(Approvals.Compare(string.Join("\n", Users.Value.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal)), "users-api.files"))
            .OfType<string>()
            .ToList();

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public void Navigation_follows_the_path_segments_with_colon_actions_as_properties()
    {
        var compilation = Users.Value.Output;
        Type(compilation, "Contoso.Users.UsersClient").GetMembers("Accounts").ShouldHaveSingleItem();
        Type(compilation, "Contoso.Users.Accounts.AccountsRequestBuilder").GetMembers().OfType<IPropertySymbol>().ShouldContain(p => p.IsIndexer);
        var item = Type(compilation, "Contoso.Users.Accounts.Item.Users.Item.UsersItemRequestBuilder");
        item.GetMembers("Suspend").ShouldHaveSingleItem();
        item.GetMembers("Reactivate").ShouldHaveSingleItem();
        item.GetMembers("GetAsync").ShouldHaveSingleItem();
        Type(compilation, "Contoso.Users.Accounts.Item.Users.Item.Suspend.SuspendRequestBuilder").GetMembers("PostAsync").ShouldHaveSingleItem();
    }

    [Fact]
    public void The_version_prefix_moves_into_the_base_url_template()
    {
        Users.Value.Source("Contoso.Users.UsersClient.g.cs").ShouldContain("\"{+baseurl}/v1beta1\"");
        Users.Value.Source("Contoso.Users.Accounts.Item.Users.Item.Suspend.SuspendRequestBuilder.g.cs")
            .ShouldContain("\"{+baseurl}/v1beta1/accounts/{+account_id}/users/{+user_id}:suspend\"");
    }

    [Fact]
    public void Query_parameters_map_CSharp_names_to_wire_names_and_check_the_spec_bounds()
    {
        var source = Users.Value.Source("Contoso.Users.Accounts.Item.Users.UsersRequestBuilder.g.cs");

        source.ShouldContain("{?filter,max_page_size,page_token}");
        source.ShouldContain("[global::Microsoft.Kiota.Abstractions.QueryParameter(\"max_page_size\")]");
        source.ShouldContain("public int? MaxPageSize { get; set; }");
        source.ShouldContain("if (value1 < 1 || value1 > 1000)");
    }

    [Fact]
    public void Required_properties_are_non_nullable_and_optional_ones_nullable()
    {
        var user = Type(Users.Value.Output, "Contoso.Users.Models.User");

        Property(user, "Id").NullableAnnotation.ShouldBe(NullableAnnotation.NotAnnotated);
        Property(user, "Email").NullableAnnotation.ShouldBe(NullableAnnotation.NotAnnotated);
        Property(user, "DisplayName").NullableAnnotation.ShouldBe(NullableAnnotation.Annotated);
        Property(user, "State").Type.ToDisplayString().ShouldBe("Contoso.Users.Models.UserState?");
        Property(user, "CreateTime").Type.ToDisplayString().ShouldBe("System.DateTimeOffset?");
    }

    [Fact]
    public void Enums_carry_wire_names_and_an_Unknown_member()
    {
        var state = Type(Users.Value.Output, "Contoso.Users.Models.UserState");

        state.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name).ShouldBe(["StateUnspecified", "Active", "Suspended", "Unknown"]);
        Users.Value.Source("Contoso.Users.Models.UserState.g.cs").ShouldContain("[global::System.Runtime.Serialization.EnumMember(Value = \"STATE_UNSPECIFIED\")]");
        var filter = Type(Users.Value.Output, "Contoso.Users.Models.ListUsersFilter");
        filter.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name).ShouldBe(["Active", "Suspended", "Unknown"]);
    }

    [Fact]
    public void Doc_comments_come_from_the_spec()
    {
        var suspend = Users.Value.Source("Contoso.Users.Accounts.Item.Users.Item.Suspend.SuspendRequestBuilder.g.cs");

        suspend.ShouldContain("/// Suspend a user.");
        suspend.ShouldContain("/// Requires the OAuth application permission suspend_users.");
    }

    private static INamedTypeSymbol Type(Compilation compilation, string name) =>
        compilation.GetTypeByMetadataName(name) ?? throw new ShouldAssertException($"{name} was not generated");

    private static IPropertySymbol Property(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IPropertySymbol>().Single();
}
