using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePassword.Users.Benchmarks;

/// <summary>The hand-written client a careful engineer would write: HttpClient and source-generated System.Text.Json, reading the body as a stream.</summary>
internal sealed class BaselineClient(HttpClient http)
{
    public async Task<BaselineUser> GetUserAsync(string accountId, string userId, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(
            $"v1beta1/accounts/{Uri.EscapeDataString(accountId)}/users/{Uri.EscapeDataString(userId)}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await ReadAsync(response, BaselineJsonContext.Default.BaselineUser, cancellationToken);
    }

    public async Task<BaselineUser> SuspendUserAsync(string accountId, string userId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1beta1/accounts/{Uri.EscapeDataString(accountId)}/users/{Uri.EscapeDataString(userId)}:suspend");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await ReadAsync(response, BaselineJsonContext.Default.BaselineUser, cancellationToken);
    }

    public async Task<BaselineListUsersResponse> ListUsersAsync(string accountId, int pageSize, string? pageToken, CancellationToken cancellationToken = default)
    {
        var url = $"v1beta1/accounts/{Uri.EscapeDataString(accountId)}/users?max_page_size={pageSize}"
            + (pageToken is null ? string.Empty : "&page_token=" + Uri.EscapeDataString(pageToken));
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return await ReadAsync(response, BaselineJsonContext.Default.BaselineListUsersResponse, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return (await JsonSerializer.DeserializeAsync(stream, type, cancellationToken))!;
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<BaselineState>))]
internal enum BaselineState
{
    [JsonStringEnumMemberName("STATE_UNSPECIFIED")]
    StateUnspecified,
    [JsonStringEnumMemberName("ACTIVE")]
    Active,
    [JsonStringEnumMemberName("SUSPENDED")]
    Suspended,
}

internal sealed record BaselineUser(string Id, string Email, string? DisplayName, BaselineState? State, DateTimeOffset? CreateTime, string? Path);

internal sealed record BaselineListUsersResponse(List<BaselineUser>? Results, string? NextPageToken);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(BaselineUser))]
[JsonSerializable(typeof(BaselineListUsersResponse))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
