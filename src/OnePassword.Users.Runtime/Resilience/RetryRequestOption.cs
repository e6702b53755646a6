using Microsoft.Kiota.Abstractions;

namespace OnePassword.Users.Runtime;

/// <summary>
/// A per-request switch for <see cref="RetryHandler"/>. Pass it in a Kiota request configuration
/// (<c>config.Options.Add(RetryRequestOption.Disabled)</c>) or put it on a plain
/// <see cref="HttpRequestMessage"/> with <see cref="ApplyTo"/>.
/// </summary>
public sealed class RetryRequestOption : IRequestOption
{
    /// <summary>An option that turns retries off for one request.</summary>
    public static RetryRequestOption Disabled { get; } = new() { Enabled = false };

    // Kiota's request adapter stores each option under its type's full name; using the same key
    // means one lookup serves Kiota callers and plain HttpClient callers alike.
    internal static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(RetryRequestOption).FullName!);

    /// <summary>Whether the request may be retried. Default <see langword="true"/>.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Overrides <see cref="RetryOptions.MaxRetries"/> for this request when set.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Attaches this option to <paramref name="request"/>.</summary>
    /// <param name="request">The request to configure.</param>
    public void ApplyTo(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Key, this);
        if (request is ApiRequestMessage api)
        {
            api.HasRequestOptions = true;
        }
    }

    // Reading Options creates the request's options dictionary; a generated request that was
    // given none is known to have none.
    internal static RetryRequestOption? From(HttpRequestMessage request) =>
        request is ApiRequestMessage { HasRequestOptions: false } ? null
        : request.Options.TryGetValue(Key, out IRequestOption? option) ? option as RetryRequestOption : null;
}
