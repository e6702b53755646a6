using System.Runtime.CompilerServices;

namespace OnePassword.Users.Runtime;

/// <summary>
/// A list that fetches its pages lazily as it is enumerated: item by item with
/// <c>await foreach</c>, or page by page with <see cref="AsPages"/>, which exposes each page's
/// token so a job can stop and resume where it left off. Ends when the next-page token is
/// absent or empty; a repeated token, a token longer than <see cref="MaxPageTokenLength"/> or
/// more than <see cref="MaxPages"/> pages throws a <see cref="PaginationException"/> instead of
/// looping forever or holding what a hostile server sends.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Pageable<T> : IAsyncEnumerable<T>
{
    /// <summary>The default bound on pages: 100,000 pages of 1000 is far beyond any account.</summary>
    public const int DefaultMaxPages = 100_000;

    /// <summary>The default bound on a page token's length: 8192 characters, far above the few hundred an opaque token takes.</summary>
    public const int DefaultMaxPageTokenLength = 8192;

    private readonly PageFetcher<T> _fetch;
    private readonly string? _startPageToken;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Creates the list.</summary>
    /// <param name="fetch">Fetches one page.</param>
    /// <param name="startPageToken">Where to start; null for the first page.</param>
    /// <param name="maxPages">The most pages to read before giving up.</param>
    /// <param name="cancellationToken">Cancels every enumeration of this list, besides the enumeration's own token.</param>
    /// <param name="maxPageTokenLength">The longest page token the server may hand out.</param>
    public Pageable(PageFetcher<T> fetch, string? startPageToken = null, int maxPages = DefaultMaxPages, CancellationToken cancellationToken = default, int maxPageTokenLength = DefaultMaxPageTokenLength)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPageTokenLength, 1);
        MaxPageTokenLength = maxPageTokenLength;
        _fetch = fetch;
        _startPageToken = string.IsNullOrEmpty(startPageToken) ? null : startPageToken;
        _cancellationToken = cancellationToken;
        MaxPages = maxPages;
    }

    /// <summary>The most pages enumeration reads before it throws.</summary>
    public int MaxPages { get; }

    /// <summary>The longest next-page token enumeration accepts before it throws.</summary>
    public int MaxPageTokenLength { get; }

    /// <summary>Enumerates the pages, starting at <paramref name="continuationToken"/> when given.</summary>
    /// <param name="continuationToken">A <see cref="Page{T}.NextPageToken"/> saved earlier; null to start where this list starts.</param>
    /// <param name="cancellationToken">Stops between and during page requests.</param>
    /// <returns>The pages.</returns>
    public async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = _cancellationToken.CanBeCanceled && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken, cancellationToken)
            : null;
        cancellationToken = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _cancellationToken);
        var token = string.IsNullOrEmpty(continuationToken) ? _startPageToken : continuationToken;
        var seen = new PageTokenHistory();
        if (token is not null)
        {
            seen.Add(token);
        }

        for (var pages = 0; ; pages++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pages == MaxPages)
            {
                throw new PaginationException($"The list has more than {MaxPages} pages; stopping so a misbehaving server cannot loop forever.", token, pages);
            }

            var page = await _fetch(token, cancellationToken).ConfigureAwait(false);
            var next = string.IsNullOrEmpty(page.NextPageToken) ? null : page.NextPageToken;
            yield return next == page.NextPageToken ? page : page with { NextPageToken = next };
            if (next is null)
            {
                yield break;
            }

            if (next.Length > MaxPageTokenLength)
            {
                throw new PaginationException($"The server returned a page token of {next.Length} characters, more than the limit of {MaxPageTokenLength}; stopping.", token, pages + 1);
            }

            if (!seen.Add(next))
            {
                throw new PaginationException($"The server returned the page token '{ErrorText.Excerpt(next)}' a second time; stopping instead of looping forever.", next, pages + 1);
            }

            token = next;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }
}
