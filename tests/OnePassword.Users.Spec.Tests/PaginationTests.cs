using Microsoft.OpenApi;
using Shouldly;

namespace OnePassword.Users.Spec.Tests;

public class PaginationTests
{
    private static IOpenApiParameter Query(string name) =>
        UsersApiSpec.Operation("/v1beta1/accounts/{account_id}/users", HttpMethod.Get)
            .Parameters!.Single(p => p.Name == name && p.In == ParameterLocation.Query);

    [Fact]
    public void Max_page_size_is_an_int32_between_1_and_1000_defaulting_to_25()
    {
        var schema = Query("max_page_size").Schema!;

        schema.Type.ShouldBe(JsonSchemaType.Integer);
        schema.Format.ShouldBe("int32");
        schema.Minimum.ShouldBe("1");
        schema.Maximum.ShouldBe("1000");
        schema.Default!.GetValue<int>().ShouldBe(25);
        Query("max_page_size").Required.ShouldBeFalse();
    }

    [Fact]
    public void Page_token_is_an_optional_string()
    {
        var parameter = Query("page_token");

        parameter.Required.ShouldBeFalse();
        parameter.Schema!.Type.ShouldBe(JsonSchemaType.String);
    }

    [Fact]
    public void Filter_accepts_exactly_the_two_documented_values()
    {
        var parameter = Query("filter");

        parameter.Required.ShouldBeFalse();
        parameter.Schema!.Enum!.Select(value => value!.GetValue<string>()).ShouldBe(["user.isActive()", "user.isSuspended()"]);
    }

    [Fact]
    public void List_response_carries_results_and_the_next_page_token()
    {
        var schema = UsersApiSpec.Document.Components!.Schemas!["ListUsersResponse"];

        schema.Properties!["next_page_token"].Type.ShouldBe(JsonSchemaType.String);
        var results = schema.Properties["results"];
        results.Type.ShouldBe(JsonSchemaType.Array);
        results.Items.ShouldBeOfType<OpenApiSchemaReference>().Reference.Id.ShouldBe("User");
    }

    [Fact]
    public void List_example_is_the_documented_response()
    {
        var example = UsersApiSpec.Operation("/v1beta1/accounts/{account_id}/users", HttpMethod.Get)
            .Responses!["200"].Content!["application/json"].Example!;

        example["next_page_token"]!.GetValue<string>().ShouldBe("CAIQAg");
        var results = example["results"]!.AsArray();
        results.Count.ShouldBe(2);
        results[0]!["id"]!.GetValue<string>().ShouldBe("IR7VJHJ36JHINBFAD7V2T5MP3E");
        results[1]!["state"]!.GetValue<string>().ShouldBe("SUSPENDED");
        results[1]!["create_time"]!.GetValue<string>().ShouldBe("2024-03-20T09:15:00Z");
    }
}
