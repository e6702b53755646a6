namespace OnePassword.Users.Runtime;

/// <summary>The token being served and when its background refresh is due.</summary>
internal sealed record CachedToken(AccessToken Token, DateTimeOffset RefreshAt)
{
    /// <summary>
    /// Schedules the refresh at <see cref="TokenCacheOptions.RefreshAtLifetimeFraction"/> ± a
    /// random <see cref="TokenCacheOptions.Jitter"/> of the lifetime, and no later than
    /// <see cref="TokenCacheOptions.MinimumRefreshBeforeExpiry"/> before expiry unless that would
    /// be before half the lifetime.
    /// </summary>
    public static CachedToken Schedule(IssuedToken issued, TokenCacheOptions options, double random)
    {
        TimeSpan lifetime = issued.Token.ExpiresAt - issued.IssuedAt;
        if (lifetime <= TimeSpan.Zero)
        {
            return new CachedToken(issued.Token, issued.IssuedAt);
        }

        // random is uniform in [0, 1): the fraction lands anywhere in [fraction - jitter, fraction + jitter).
        double fraction = Math.Clamp(options.RefreshAtLifetimeFraction + (options.Jitter * ((2 * random) - 1)), 0, 1);
        DateTimeOffset refreshAt = issued.IssuedAt + (lifetime * fraction);

        DateTimeOffset latest = issued.Token.ExpiresAt - options.MinimumRefreshBeforeExpiry;
        DateTimeOffset halfLife = issued.IssuedAt + (lifetime / 2);
        if (refreshAt > latest)
        {
            refreshAt = latest > halfLife ? latest : (halfLife < refreshAt ? halfLife : refreshAt);
        }

        return new CachedToken(issued.Token, refreshAt);
    }
}
