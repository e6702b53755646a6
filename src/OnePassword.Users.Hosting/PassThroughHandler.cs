namespace OnePassword.Users.Hosting;

/// <summary>Stands in, under IHttpClientFactory, for a part of the pipeline a client does not use (no rate limits, no token).</summary>
internal sealed class PassThroughHandler : DelegatingHandler
{
}
