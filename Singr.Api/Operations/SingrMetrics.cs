using System.Diagnostics.Metrics;
using Singr.Api.Hubs;

using Singr.Silo.Hosting;

namespace Singr.Api.Operations;

/// <summary>
/// Singr's own instruments on the meter <c>Singr</c>, exported at <c>/metrics</c> with ASP.NET Core's, Orleans's,
/// Npgsql's and the runtime's. One per process (a singleton); tag values come from small fixed sets (hub names, request
/// kinds, error codes), never from ids.
/// <para>
/// Credits spent are not counted here: a spend commits in the wallet grain, on whichever silo hosts it (and with
/// <c>chargeAt=ON_PLAY</c> only when the song starts), so its counter <c>singr.credits.spent</c> belongs beside that grain,
/// on the same meter name <see cref="MeterName"/>; a front end cannot see it happen.
/// </para>
/// </summary>
public sealed class SingrMetrics
{
    public const string MeterName = SingrMetricsSetup.SingrMeterName;

    private readonly Counter<long> _requestsQueued;
    private readonly Counter<long> _requestsRefused;
    private readonly Counter<long> _eventsDelivered;

    public SingrMetrics(IMeterFactory meterFactory, LiveConnections connections)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(connections);
        var meter = meterFactory.Create(MeterName);
        _requestsQueued = meter.CreateCounter<long>(
            "singr.song_requests.queued", "{request}", "Song requests accepted into a venue's queue, by kind (jukebox, karaoke).");
        _requestsRefused = meter.CreateCounter<long>(
            "singr.song_requests.refused", "{request}", "Song requests refused, by error code (QUEUE_FULL, INSUFFICIENT_CREDITS, VALIDATION_ERROR, ...).");
        _eventsDelivered = meter.CreateCounter<long>(
            "singr.hub.events_delivered", "{event}", "Events sent to this front end's SignalR connections, by hub (venue, customer).");
        meter.CreateObservableUpDownCounter(
            "singr.hub.connections", () => OpenConnections(connections), "{connection}", "Open SignalR connections on this front end, by hub (venue, customer).");
    }

    /// <summary>A song request was accepted (queued, or pending a host's approval).</summary>
    public void RequestQueued(string kind) => _requestsQueued.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A song request was refused with <paramref name="code"/> (the envelope's <c>error.code</c>).</summary>
    public void RequestRefused(string code) => _requestsRefused.Add(1, new KeyValuePair<string, object?>("code", code));

    /// <summary>An event left for a client of <paramref name="hub"/> (<see cref="VenueHub.Name"/> or <see cref="CustomerHub.Name"/>).</summary>
    public void EventDelivered(string hub) => _eventsDelivered.Add(1, new KeyValuePair<string, object?>("hub", hub));

    private static IEnumerable<Measurement<long>> OpenConnections(LiveConnections connections)
    {
        var byHub = connections.All.GroupBy(c => c.Hub, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        foreach (var hub in new[] { VenueHub.Name, CustomerHub.Name }.Union(byHub.Keys, StringComparer.Ordinal))
        {
            yield return new Measurement<long>(byHub.GetValueOrDefault(hub), new KeyValuePair<string, object?>("hub", hub));
        }
    }
}
