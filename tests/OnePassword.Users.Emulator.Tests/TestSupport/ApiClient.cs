using System.Net.Http.Headers;
using System.Text;

namespace OnePassword.Users.Emulator.Tests.TestSupport;

/// <summary>A thin HttpClient wrapper that speaks the emulator's wire protocol, so tests read as API calls.</summary>
internal sealed class ApiClient : IDisposable
{
    public ApiClient(UsersApiEmulator emulator)
        : this(emulator.BaseUrl, emulator.DefaultAccountId)
    {
    }

    public ApiClient(Uri baseUrl, string accountId)
    {
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        AccountId = accountId;
    }

    public HttpClient Http { get; }

    public string AccountId { get; }

    public string UsersPath => $"/v1beta1/accounts/{AccountId}/users";

    public static AuthenticationHeaderValue Basic(string clientId, string clientSecret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}")));

    public Task<HttpResponseMessage> PostTokenAsync(AuthenticationHeaderValue? credentials, params (string Name, string Value)[] form) =>
        PostFormAsync("/v1beta1/users/oauth2/token", credentials, form);

    public Task<HttpResponseMessage> PostRevokeAsync(AuthenticationHeaderValue? credentials, params (string Name, string Value)[] form) =>
        PostFormAsync("/v1beta1/users/oauth2/revoke", credentials, form);

    public async Task<string> TokenAsync(EmulatorClient client)
    {
        using var response = await PostTokenAsync(Basic(client.ClientId, client.ClientSecret), ("grant_type", "client_credentials"));
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("access_token").GetString()!;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, string? accessToken, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return Http.SendAsync(request, cancellationToken);
    }

    public Task<HttpResponseMessage> ListAsync(string token, string query = "") => SendAsync(HttpMethod.Get, UsersPath + query, token);

    public Task<HttpResponseMessage> GetAsync(string token, string userId) => SendAsync(HttpMethod.Get, $"{UsersPath}/{userId}", token);

    public Task<HttpResponseMessage> SuspendAsync(string token, string userId) => SendAsync(HttpMethod.Post, $"{UsersPath}/{userId}:suspend", token);

    public Task<HttpResponseMessage> ReactivateAsync(string token, string userId) => SendAsync(HttpMethod.Post, $"{UsersPath}/{userId}:reactivate", token);

    public void Dispose() => Http.Dispose();

    private async Task<HttpResponseMessage> PostFormAsync(string path, AuthenticationHeaderValue? credentials, (string Name, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(form.Select(field => KeyValuePair.Create(field.Name, field.Value))),
        };
        request.Headers.Authorization = credentials;
        return await Http.SendAsync(request);
    }
}
