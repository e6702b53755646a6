namespace OnePassword.Users.Cli.Activity;

/// <summary>
/// Says what a slow call is waiting for: "connecting to api.1password.com:443 (5 s)",
/// "retrying POST ... after HTTP 503 (attempt 2 of 5), in 3 s", "waiting for the rate limit,
/// resumes in 23 s". Only waits longer than <see cref="Threshold"/> are worth a word.
/// </summary>
internal static class WaitDescription
{
    /// <summary>Shorter waits go unmentioned: every call takes a moment.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromSeconds(2);

    /// <summary>The wait in progress, or null when there is none or it is still short.</summary>
    public static string? Describe(ActivitySnapshot snapshot, RateLimitForecast forecast)
    {
        var (text, waited) = Current(snapshot, forecast);
        return text is not null && waited >= Threshold ? text : null;
    }

    /// <summary>The end of a long path, which names the resource: <c>…/users/56YE2TYN2VFYRLNSHKPW5NVT5E:suspend</c>.</summary>
    public static string ShortPath(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length <= 2 ? path : "…/" + string.Join("/", segments[^2..]);
    }

    private static (string? Text, TimeSpan Waited) Current(ActivitySnapshot snapshot, RateLimitForecast forecast)
    {
        var now = snapshot.Now;
        if (!snapshot.InOperation)
        {
            return (null, TimeSpan.Zero);
        }

        if (snapshot.Retry is { } retry)
        {
            return ($"retrying {retry.Request} in {Durations.Format(retry.Until - now)} (attempt {retry.Attempt} of {retry.MaxAttempts}) after {retry.Reason}", now - retry.Since);
        }

        if (snapshot.OnWire is { } attempt)
        {
            if (attempt.ConnectingTo is { } endPoint)
            {
                return ($"connecting to {endPoint} ({Durations.Format(now - attempt.ConnectingSince)})", now - attempt.ConnectingSince);
            }

            return attempt.Kind == AttemptKind.Token
                ? ($"requesting an access token from {attempt.Host} ({Durations.Format(now - attempt.Since)})", now - attempt.Since)
                : ($"waiting for {attempt.Host} to answer ({Durations.Format(now - attempt.Since)}): {attempt.Method} {ShortPath(attempt.Path)}", now - attempt.Since);
        }

        var resume = forecast.ResumeIn(snapshot.ApiSends, now);
        return resume > TimeSpan.Zero
            ? ($"waiting for the rate limit, resumes in {Durations.Format(resume)}", now - snapshot.LastEventAt)
            : ("waiting for the API client", now - snapshot.LastEventAt);
    }
}
