using OnePassword.Users.Models;
using OnePassword.Users.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Tests;

/// <summary>The generated client against a recording server on loopback: what goes on the wire, and what comes back.</summary>
public abstract class WireFormatTests : RecordingServerTests
{
    [Fact]
    public async Task List_sends_GET_with_the_query_in_wire_names_and_reads_the_documented_example_exactly()
    {
        Server.Respond = _ => (200, ExampleBodies.ListUsers, "application/json");

        var page = await Client.Accounts["ACCOUNT123"].Users.GetAsync(q =>
        {
            q.QueryParameters.Filter = ListUsersFilter.Suspended;
            q.QueryParameters.MaxPageSize = 100;
            q.QueryParameters.PageToken = "CAIQAg";
        });

        var request = Server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("GET");
        request.RawTarget.ShouldBe("/v1beta1/accounts/ACCOUNT123/users?filter=user.isSuspended%28%29&max_page_size=100&page_token=CAIQAg");
        request.Headers["Accept"].ShouldBe("application/json");
        request.Headers.Keys.ShouldNotContain("Authorization");

        page.NextPageToken.ShouldBe("CAIQAg");
        page.Results.ShouldNotBeNull().Count.ShouldBe(2);
        var wendy = page.Results[0];
        wendy.Id.ShouldBe("IR7VJHJ36JHINBFAD7V2T5MP3E");
        wendy.Email.ShouldBe("wendy_appleseed@agilebits.com");
        wendy.DisplayName.ShouldBe("Wendy Appleseed");
        wendy.State.ShouldBe(UserState.Active);
        wendy.CreateTime.ShouldBe(new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.Zero));
        wendy.Path.ShouldBe("accounts/ACCOUNT123/users/IR7VJHJ36JHINBFAD7V2T5MP3E");
        var riley = page.Results[1];
        riley.Id.ShouldBe("56YE2TYN2VFYRLNSHKPW5NVT5E");
        riley.Email.ShouldBe("riley_smith@example.com");
        riley.DisplayName.ShouldBe("Riley Smith");
        riley.State.ShouldBe(UserState.Suspended);
        riley.CreateTime.ShouldBe(new DateTimeOffset(2024, 3, 20, 9, 15, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task List_without_parameters_sends_no_query()
    {
        Server.Respond = _ => (200, "{}", "application/json");

        var page = await Client.Accounts["A"].Users.GetAsync();

        Server.Requests.ShouldHaveSingleItem().RawTarget.ShouldBe("/v1beta1/accounts/A/users");
        page.Results.ShouldBeNull("an empty page omits results, as protobuf JSON does");
        page.NextPageToken.ShouldBeNull();
    }

    [Fact]
    public async Task Get_sends_GET_to_the_user_and_reads_the_user()
    {
        Server.Respond = _ => (200, ExampleBodies.Wendy, "application/json");

        var user = await Client.Accounts["ACCOUNT123"].Users["IR7VJHJ36JHINBFAD7V2T5MP3E"].GetAsync();

        var request = Server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("GET");
        request.RawTarget.ShouldBe("/v1beta1/accounts/ACCOUNT123/users/IR7VJHJ36JHINBFAD7V2T5MP3E");
        user.Email.ShouldBe("wendy_appleseed@agilebits.com");
        user.State.ShouldBe(UserState.Active);
    }

    [Theory]
    [InlineData("suspend")]
    [InlineData("reactivate")]
    public async Task Colon_actions_send_POST_without_a_body_to_the_custom_method(string verb)
    {
        Server.Respond = _ => (200, ExampleBodies.Wendy, "application/json");
        var user = Client.Accounts["ACCOUNT123"].Users["IR7VJHJ36JHINBFAD7V2T5MP3E"];

        var updated = verb == "suspend" ? await user.Suspend.PostAsync() : await user.Reactivate.PostAsync();

        var request = Server.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.RawTarget.ShouldBe($"/v1beta1/accounts/ACCOUNT123/users/IR7VJHJ36JHINBFAD7V2T5MP3E:{verb}");
        request.Body.ShouldBeEmpty();
        updated.Id.ShouldBe("IR7VJHJ36JHINBFAD7V2T5MP3E");
    }

    [Theory]
    [InlineData("a:b", "a%3Ab")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a?b=1", "a%3Fb%3D1")]
    [InlineData("a#b", "a%23b")]
    [InlineData("a%2Fb", "a%252Fb")]
    [InlineData("../../admin", "..%2F..%2Fadmin")]
    [InlineData("..:x", "..%3Ax")]
    [InlineData("wendy appleseed", "wendy%20appleseed")]
    public async Task Ids_are_percent_encoded_so_they_cannot_change_the_route(string id, string encoded)
    {
        Server.Respond = _ => (200, ExampleBodies.Wendy, "application/json");

        await Client.Accounts["A"].Users[id].Suspend.PostAsync();
        await Client.Accounts[id].Users[id].GetAsync();

        Server.Requests[0].RawTarget.ShouldBe($"/v1beta1/accounts/A/users/{encoded}:suspend");
        Server.Requests[1].RawTarget.ShouldBe($"/v1beta1/accounts/{encoded}/users/{encoded}");
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    public void Ids_that_would_address_another_resource_are_refused_with_the_parameter_name(string id)
    {
        var exception = Should.Throw<ArgumentException>(() => Client.Accounts["A"].Users[id]);

        exception.ParamName.ShouldBe("userId");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void A_null_id_is_refused_with_the_parameter_name()
    {
        Should.Throw<ArgumentNullException>(() => Client.Accounts[null!]).ParamName.ShouldBe("accountId");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    [InlineData(-5)]
    public async Task A_page_size_outside_the_spec_bounds_fails_before_any_request(int size)
    {
        var exception = await Should.ThrowAsync<ArgumentOutOfRangeException>(
            () => Client.Accounts["A"].Users.GetAsync(q => q.QueryParameters.MaxPageSize = size));

        exception.ParamName.ShouldBe("MaxPageSize");
        exception.Message.ShouldContain("max_page_size");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_state_added_to_the_API_later_reads_as_Unknown()
    {
        Server.Respond = _ => (200, """{"id":"U","email":"u@example.com","state":"ARCHIVED","future_field":{"x":[1,2]}}""", "application/json");

        var user = await Client.Accounts["A"].Users["U"].GetAsync();

        user.State.ShouldBe(UserState.Unknown);
    }

    [Fact]
    public void Request_information_is_available_without_sending()
    {
        var request = Client.Accounts["A"].Users["U"].Suspend.ToPostRequestInformation();

        request.HttpMethod.ShouldBe(Microsoft.Kiota.Abstractions.Method.POST);
        request.URI.ToString().ShouldBe(Server.BaseUrl.ToString().TrimEnd('/') + "/v1beta1/accounts/A/users/U:suspend");
    }

    [Fact]
    public async Task WithUrl_sends_to_the_raw_url()
    {
        Server.Respond = _ => (200, "{}", "application/json");

        await Client.Accounts["A"].Users.WithUrl(Server.BaseUrl + "v1beta1/accounts/B/users?page_token=xyz").GetAsync();

        Server.Requests.ShouldHaveSingleItem().RawTarget.ShouldBe("/v1beta1/accounts/B/users?page_token=xyz");
    }
}

/// <summary>Runs the tests on the SDK's own adapter, which has a short path for generated operations.</summary>
public sealed class WireFormatTestsOnApiRequestAdapter : WireFormatTests
{
    internal override UsersApiClient CreateClient(Uri baseUrl) => Clients.OnApiRequestAdapter(baseUrl);
}

/// <summary>Runs the tests on Kiota's standard adapter, which users may bring.</summary>
public sealed class WireFormatTestsOnKiotaAdapter : WireFormatTests
{
    internal override UsersApiClient CreateClient(Uri baseUrl) => Clients.Plain(baseUrl);
}
