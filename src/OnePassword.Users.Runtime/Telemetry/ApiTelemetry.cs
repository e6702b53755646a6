using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace OnePassword.Users.Runtime;

/// <summary>
/// The SDK's <see cref="ActivitySource"/> and <see cref="Meter"/> with their instruments. Under
/// dependency injection the meter comes from <see cref="IMeterFactory"/>; without it one shared
/// instance serves every client. Recording costs next to nothing when nobody listens.
/// </summary>
internal sealed class ApiTelemetry
{
    public static readonly ActivitySource ActivitySource = new(TelemetryNames.Source, PackageVersion.Of(typeof(ApiTelemetry).Assembly));

    private static readonly ConditionalWeakTable<IMeterFactory, ApiTelemetry> s_byFactory = [];

    private readonly ConcurrentDictionary<object, Func<Measurement<long>?>> _budgets = new();
    private readonly ConcurrentDictionary<object, Func<Measurement<int>>> _fallbacks = new();

    private ApiTelemetry(IMeterFactory? meterFactory)
    {
        var options = new MeterOptions(TelemetryNames.Source) { Version = PackageVersion.Of(typeof(ApiTelemetry).Assembly) };
        Meter meter = meterFactory?.Create(options) ?? new Meter(options);
        OperationDuration = meter.CreateHistogram<double>(TelemetryNames.OperationDuration, "s", "The duration of one logical API operation, retries and waits included.");
        Retries = meter.CreateCounter<long>(TelemetryNames.Retries, "{retry}", "Requests sent again after a transient failure.");
        RateLimitWait = meter.CreateHistogram<double>(TelemetryNames.RateLimitWaitDuration, "s", "How long a request waited for a client-side rate-limit permit.");
        TokenRefreshes = meter.CreateCounter<long>(TelemetryNames.TokenRefreshes, "{request}", "Access-token requests, by outcome.");
        meter.CreateObservableGauge(TelemetryNames.RateLimitRemaining, ObserveBudgets, "{request}", "Requests the client may still send now within its rate budget.");
        meter.CreateObservableGauge(TelemetryNames.RateLimitFallback, () => _fallbacks.Values.Select(observe => observe()), "1", "1 while a fleet's shared rate budget is unavailable and the client paces with its local fallback.");
    }

    /// <summary>The instance for clients made without a meter factory.</summary>
    public static ApiTelemetry Shared { get; } = new(meterFactory: null);

    /// <summary>One instance per meter factory, so each instrument exists once however many clients a container makes.</summary>
    public static ApiTelemetry For(IMeterFactory? meterFactory) =>
        meterFactory is null ? Shared : s_byFactory.GetValue(meterFactory, factory => new ApiTelemetry(factory));

    public Histogram<double> OperationDuration { get; }

    public Counter<long> Retries { get; }

    public Histogram<double> RateLimitWait { get; }

    public Counter<long> TokenRefreshes { get; }

    /// <summary>Reports <paramref name="remaining"/> under the gauge until the returned registration is disposed.</summary>
    public IDisposable ObserveBudget(string clientName, Func<long?> remaining)
    {
        var key = new object();
        var tag = new KeyValuePair<string, object?>(TelemetryNames.ClientName, clientName);
        _budgets[key] = () => remaining() is { } value ? new Measurement<long>(value, tag) : null;
        return new Registration(() => _budgets.TryRemove(key, out _));
    }

    /// <summary>Reports whether <paramref name="inFallback"/> under the fallback gauge until the returned registration is disposed.</summary>
    public IDisposable ObserveFallback(string clientName, Func<bool> inFallback)
    {
        var key = new object();
        var tag = new KeyValuePair<string, object?>(TelemetryNames.ClientName, clientName);
        _fallbacks[key] = () => new Measurement<int>(inFallback() ? 1 : 0, tag);
        return new Registration(() => _fallbacks.TryRemove(key, out _));
    }

    private IEnumerable<Measurement<long>> ObserveBudgets()
    {
        foreach (Func<Measurement<long>?> observe in _budgets.Values)
        {
            if (observe() is { } measurement)
            {
                yield return measurement;
            }
        }
    }

    private sealed class Registration(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
