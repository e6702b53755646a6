using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OnePassword.Users.Benchmarks;

/// <summary>
/// The fastest hand-written client we know how to write: the request built once as an absolute
/// URI, the body read whole into a pooled buffer, and System.Text.Json's source-generated
/// deserializer run over the span.
/// </summary>
internal sealed class PooledSpanClient(HttpClient http, Uri baseUrl)
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private readonly string _base = baseUrl.AbsoluteUri.TrimEnd('/');

    public Task<BaselineUser> GetUserAsync(string accountId, string userId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"{_base}/v1beta1/accounts/{Uri.EscapeDataString(accountId)}/users/{Uri.EscapeDataString(userId)}", BaselineJsonContext.Default.BaselineUser, cancellationToken);

    public Task<BaselineUser> SuspendUserAsync(string accountId, string userId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"{_base}/v1beta1/accounts/{Uri.EscapeDataString(accountId)}/users/{Uri.EscapeDataString(userId)}:suspend", BaselineJsonContext.Default.BaselineUser, cancellationToken);

    public Task<BaselineListUsersResponse> ListUsersAsync(string accountId, int pageSize, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"{_base}/v1beta1/accounts/{Uri.EscapeDataString(accountId)}/users?max_page_size={pageSize}", BaselineJsonContext.Default.BaselineListUsersResponse, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string url, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Absolute));
        request.Headers.Accept.Add(Json);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        int length = (int)(response.Content.Headers.ContentLength ?? 16 * 1024);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length + 1);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            int total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return JsonSerializer.Deserialize(buffer.AsSpan(0, total), type)!;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
