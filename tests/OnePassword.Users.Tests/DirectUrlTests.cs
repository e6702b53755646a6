using OnePassword.Users.Runtime;
using OnePassword.Users.Tests.Support;
using Shouldly;

namespace OnePassword.Users.Tests;

/// <summary>
/// The URL the SDK's adapter writes straight from a builder's template and path (a generated
/// call with no configuration), for templates the Users API spec does not have.
/// </summary>
public sealed class DirectUrlTests : IAsyncLifetime
{
    private static readonly ApiOperation s_operation = new("probe", "GET", "/probe", isIdempotent: true, changesState: false);
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_path_with_more_variables_than_the_fast_path_holds_is_written_whole()
    {
        string template = "{+baseurl}" + string.Concat(Enumerable.Range(1, 10).Select(i => $"/s{i}/{{+v{i}}}")) + "{?q}";
        ApiPath path = Enumerable.Range(1, 10).Aggregate(ApiPath.Empty, (at, i) => at.With($"v{i}", PathSegment.Encode($"value {i}", "value")));

        await SendAsync(template, path);

        _server.Requests.ShouldHaveSingleItem().RawTarget.ShouldBe(string.Concat(Enumerable.Range(1, 10).Select(i => $"/s{i}/value%20{i}")));
    }

    [Fact]
    public async Task Simple_variables_are_encoded_reserved_ones_kept_and_a_missing_one_writes_nothing()
    {
        ApiPath path = ApiPath.Empty.With("reserved", "a%2Fb").With("simple", "c/d e");

        await SendAsync("{+baseurl}/r/{+reserved}/s/{simple}/m/{missing}/end{?q,r}", path);

        _server.Requests.ShouldHaveSingleItem().RawTarget.ShouldBe("/r/a%2Fb/s/c%2Fd%20e/m//end");
    }

    private async Task SendAsync(string template, ApiPath path)
    {
        _server.Respond = _ => (200, "{}", "application/json");
        using var http = new HttpClient();
        var adapter = new ApiRequestAdapter(http, _server.BaseUrl.ToString().TrimEnd('/'));
        await adapter.SendAsync<object>(s_operation, template, path, accept: null, read: null);
    }
}
