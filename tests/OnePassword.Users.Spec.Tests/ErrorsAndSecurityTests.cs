using Microsoft.OpenApi;
using Shouldly;

namespace OnePassword.Users.Spec.Tests;

public class ErrorsAndSecurityTests
{
    public static TheoryData<string, string> UserOperations => new()
    {
        { "/v1beta1/accounts/{account_id}/users", "GET" },
        { "/v1beta1/accounts/{account_id}/users/{user_id}", "GET" },
        { "/v1beta1/accounts/{account_id}/users/{user_id}:suspend", "POST" },
        { "/v1beta1/accounts/{account_id}/users/{user_id}:reactivate", "POST" },
    };

    [Fact]
    public void Status_is_the_google_rpc_status_shape()
    {
        var status = UsersApiSpec.Document.Components!.Schemas!["Status"];

        status.Properties!.Keys.ShouldBe(["code", "message", "details"], ignoreOrder: true);
        status.Properties["code"].Format.ShouldBe("int32");
        status.Properties["details"].Type.ShouldBe(JsonSchemaType.Array);
        status.Required!.ShouldContain("code");
    }

    [Theory]
    [MemberData(nameof(UserOperations))]
    public void User_operations_answer_errors_with_Status_and_429_with_Retry_After(string path, string method)
    {
        var responses = UsersApiSpec.Operation(path, new HttpMethod(method)).Responses!;

        foreach (var code in new[] { "400", "401", "403", "404", "429", "500" })
        {
            responses.ShouldContainKey(code);
            responses[code].Content!["application/json"].Schema.ShouldBeOfType<OpenApiSchemaReference>().Reference.Id.ShouldBe("Status");
        }

        responses["429"].Headers!.ShouldContainKey("Retry-After");
    }

    [Theory]
    [MemberData(nameof(UserOperations))]
    public void User_operations_use_the_client_credentials_scheme(string path, string method)
    {
        var operation = UsersApiSpec.Operation(path, new HttpMethod(method));

        operation.Security.ShouldBeNull("user operations inherit the document's oauth2 requirement");
        var requirement = UsersApiSpec.Document.Security.ShouldHaveSingleItem();
        var (scheme, scopes) = requirement.ShouldHaveSingleItem();
        scheme.Reference.Id.ShouldBe("oauth2ClientCredentials");
        scopes.ShouldBe(["openid"]);
    }

    [Fact]
    public void The_oauth2_scheme_is_client_credentials_with_the_token_path_and_openid_scope()
    {
        var scheme = UsersApiSpec.Document.Components!.SecuritySchemes!["oauth2ClientCredentials"];

        scheme.Type.ShouldBe(SecuritySchemeType.OAuth2);
        var flow = scheme.Flows!.ClientCredentials!;
        flow.TokenUrl!.OriginalString.ShouldBe("/v1beta1/users/oauth2/token");
        flow.Scopes!.Keys.ShouldBe(["openid"]);
        flow.Extensions!.ShouldContainKey("x-revocation-url");
    }

    [Theory]
    [InlineData("/v1beta1/users/oauth2/token", "AccessTokenRequest")]
    [InlineData("/v1beta1/users/oauth2/revoke", "RevokeTokenRequest")]
    public void OAuth_calls_send_forms_with_HTTP_Basic_client_authentication(string path, string bodySchema)
    {
        var operation = UsersApiSpec.Operation(path, HttpMethod.Post);

        var (scheme, _) = operation.Security.ShouldHaveSingleItem().ShouldHaveSingleItem();
        scheme.Reference.Id.ShouldBe("clientSecretBasic");
        UsersApiSpec.Document.Components!.SecuritySchemes!["clientSecretBasic"].Scheme.ShouldBe("basic");
        operation.RequestBody!.Required.ShouldBeTrue();
        operation.RequestBody.Content!["application/x-www-form-urlencoded"].Schema
            .ShouldBeOfType<OpenApiSchemaReference>().Reference.Id.ShouldBe(bodySchema);
        operation.Responses!["401"].Content!["application/json"].Schema
            .ShouldBeOfType<OpenApiSchemaReference>().Reference.Id.ShouldBe("OAuthError");
    }

    [Fact]
    public void Token_request_sends_grant_type_and_optional_openid_scope()
    {
        var schema = UsersApiSpec.Document.Components!.Schemas!["AccessTokenRequest"];

        schema.Required.ShouldBe(["grant_type"]);
        schema.Properties!["grant_type"].Const.ShouldBe("client_credentials");
        schema.Properties["scope"].Enum!.Select(value => value!.GetValue<string>()).ShouldBe(["openid"]);
    }

    [Fact]
    public void Token_response_follows_RFC_6749()
    {
        var schema = UsersApiSpec.Document.Components!.Schemas!["AccessTokenResponse"];

        schema.Required.ShouldBe(["access_token", "token_type", "expires_in"], ignoreOrder: true);
    }

    [Fact]
    public void User_state_enum_has_the_three_documented_values()
    {
        var state = UsersApiSpec.Document.Components!.Schemas!["UserState"];

        state.Enum!.Select(value => value!.GetValue<string>()).ShouldBe(["STATE_UNSPECIFIED", "ACTIVE", "SUSPENDED"]);
    }

    [Fact]
    public void Suspend_documents_the_no_owner_remain_refusal()
    {
        var forbidden = UsersApiSpec.Operation("/v1beta1/accounts/{account_id}/users/{user_id}:suspend", HttpMethod.Post).Responses!["403"];

        var example = forbidden.Content!["application/json"].Examples!["noOwnerRemain"].Value!;
        example["code"]!.GetValue<int>().ShouldBe(7);
        example["message"]!.GetValue<string>().ShouldBe("no_owner_remain");
        example["details"]!.AsArray().ShouldBeEmpty();
    }
}
