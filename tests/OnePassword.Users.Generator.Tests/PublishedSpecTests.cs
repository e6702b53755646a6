using Microsoft.CodeAnalysis;
using OnePassword.Users.Generator.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Generator.Tests;

/// <summary>
/// 1Password's own published v1beta1 spec is generated from protobuf: {account}/{user} names,
/// operationIds with a leading colon, dotted schema names, empty error responses, a plain
/// bearer scheme and no OAuth endpoints. It must still give a clean, compiling client.
/// </summary>
public class PublishedSpecTests
{
    private static readonly Lazy<GeneratorRun> Published = new(() => GeneratorHarness.Run(
        new SpecInput("/specs/published-v1beta1.openapi.json", SpecFiles.PublishedV1Beta1, SpecInput.Options("OnePassword.Published", "PublishedClient"))));

    [Fact]
    public void Generates_without_diagnostics_and_compiles_without_warnings()
    {
        Published.Value.GeneratorDiagnostics.ShouldBeEmpty();
        Published.Value.CompileProblems.Select(d => d.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void Dotted_schema_names_become_readable_type_names()
    {
        var compilation = Published.Value.Output;

        compilation.GetTypeByMetadataName("OnePassword.Published.Models.User").ShouldNotBeNull();
        compilation.GetTypeByMetadataName("OnePassword.Published.Models.UserState").ShouldNotBeNull();
        compilation.GetTypeByMetadataName("OnePassword.Published.Models.ListUsersResponse").ShouldNotBeNull();
    }

    [Fact]
    public void Account_and_user_parameters_and_colon_actions_navigate_like_the_hand_written_spec()
    {
        var item = Published.Value.Output.GetTypeByMetadataName("OnePassword.Published.Accounts.Item.Users.Item.UsersItemRequestBuilder")!;

        item.GetMembers("Suspend").ShouldHaveSingleItem();
        item.GetMembers("Reactivate").ShouldHaveSingleItem();
        Published.Value.Source("Accounts.Item.Users.Item.Suspend.SuspendRequestBuilder.g.cs").ShouldContain("{+baseurl}/v1beta1/accounts/{+account}/users/{+user}:suspend");
        var accounts = Published.Value.Output.GetTypeByMetadataName("OnePassword.Published.Accounts.AccountsRequestBuilder")!;
        accounts.GetMembers().OfType<IPropertySymbol>().Single(p => p.IsIndexer).Parameters.Single().Name.ShouldBe("account");
    }

    [Fact]
    public void The_bearer_scheme_and_missing_servers_still_describe_the_client()
    {
        var root = Published.Value.Source("OnePassword.Published.PublishedClient.g.cs");

        root.ShouldContain("usesBearerToken: true");
        root.ShouldContain("tokenUrl: null");
        root.ShouldContain("defaultBaseUrl: \"\"");
    }
}
