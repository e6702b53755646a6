using Microsoft.OpenApi;
using Shouldly;

namespace OnePassword.Users.Spec.Tests;

public class OperationsTests
{
    public static TheoryData<string, string, string, string?> Operations => new()
    {
        { "/v1beta1/users/oauth2/token", "POST", "requestAccessToken", null },
        { "/v1beta1/users/oauth2/revoke", "POST", "revokeAccessToken", null },
        { "/v1beta1/accounts/{account_id}/users", "GET", "listUsers", "list_users" },
        { "/v1beta1/accounts/{account_id}/users/{user_id}", "GET", "getUser", "get_user" },
        { "/v1beta1/accounts/{account_id}/users/{user_id}:suspend", "POST", "suspendUser", "suspend_users" },
        { "/v1beta1/accounts/{account_id}/users/{user_id}:reactivate", "POST", "reactivateUser", "reactivate_users" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_operation_has_a_stable_id_a_summary_and_a_description(string path, string method, string operationId, string? permission)
    {
        var operation = UsersApiSpec.Operation(path, new HttpMethod(method));

        operation.OperationId.ShouldBe(operationId);
        operation.Summary.ShouldNotBeNullOrWhiteSpace();
        operation.Description.ShouldNotBeNullOrWhiteSpace();
        if (permission is null)
        {
            operation.Extensions?.ContainsKey("x-permission").ShouldNotBe(true);
        }
        else
        {
            operation.Extensions!["x-permission"].ShouldBeOfType<JsonNodeExtension>().Node.GetValue<string>().ShouldBe(permission);
        }
    }

    [Fact]
    public void The_spec_has_exactly_the_six_documented_operations()
    {
        var ids = UsersApiSpec.Document.Paths.Values
            .SelectMany(item => item.Operations!.Values)
            .Select(operation => operation.OperationId)
            .Order(StringComparer.Ordinal);

        ids.ShouldBe(["getUser", "listUsers", "reactivateUser", "requestAccessToken", "revokeAccessToken", "suspendUser"]);
    }

    [Theory]
    [InlineData("suspend")]
    [InlineData("reactivate")]
    public void Custom_methods_are_colon_actions_on_the_user(string verb)
    {
        var path = $"/v1beta1/accounts/{{account_id}}/users/{{user_id}}:{verb}";

        UsersApiSpec.Document.Paths.ShouldContainKey(path);
        var operation = UsersApiSpec.Operation(path, HttpMethod.Post);
        operation.RequestBody.ShouldBeNull();
        operation.Responses!["200"].Content!["application/json"].Schema.ShouldBeOfType<OpenApiSchemaReference>().Reference.Id.ShouldBe("User");
    }

    [Theory]
    [InlineData("/v1beta1/accounts/{account_id}/users", "GET")]
    [InlineData("/v1beta1/accounts/{account_id}/users/{user_id}", "GET")]
    [InlineData("/v1beta1/accounts/{account_id}/users/{user_id}:suspend", "POST")]
    [InlineData("/v1beta1/accounts/{account_id}/users/{user_id}:reactivate", "POST")]
    public void Path_ids_are_required_non_empty_strings(string path, string method)
    {
        var item = UsersApiSpec.Document.Paths[path];
        var names = item.Parameters!.Where(p => p.In == ParameterLocation.Path).Select(p => p.Name!).ToList();

        names.ShouldBe(path.Split('{').Skip(1).Select(part => part[..part.IndexOf('}')]).ToList());
        foreach (var parameter in item.Parameters!)
        {
            parameter.Required.ShouldBeTrue();
            parameter.Schema!.Type.ShouldBe(JsonSchemaType.String);
            parameter.Schema.MinLength.ShouldBe(1);
        }

        UsersApiSpec.Operation(path, new HttpMethod(method)).ShouldNotBeNull();
    }
}
