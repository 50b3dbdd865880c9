using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Calls;

namespace Singr.Grains.Interfaces.Queue;

/// <summary>
/// A venue's request rules and queue (the same activation as <c>IVenueGrain</c>, keyed by the venue's internal id).
/// Every rule runs here, in one fixed order; positions are contiguous from 1 after every change.
/// </summary>
[Alias("singr.queue.IVenueQueueGrain")]
public interface IVenueQueueGrain : IGrainWithGuidKey
{
    [Idempotent]
    [Alias("GetSettings")]
    Task<VenueSettings?> GetSettings();

    [Alias("UpdateSettings")]
    Task<Outcome<VenueSettings>> UpdateSettings(VenueSettingsPatch patch, AuditStamp stamp);

    /// <summary>
    /// Runs the rules (closed, blocked, duplicate, patron limit, queue full, credits) and queues the request. A paid
    /// request is charged to the patron's wallet and queued as one logical operation; a repeated request id returns
    /// the first result.
    /// </summary>
    [Idempotent]
    [Alias("RequestSong")]
    Task<Outcome<RequestAccepted>> RequestSong(RequestSong command);

    [Idempotent]
    [Alias("GetQueue")]
    Task<QueueSnapshot?> GetQueue();

    /// <summary>The venue's counts and last event number, without building its queue; null for no such venue.</summary>
    [Idempotent]
    [Alias("GetCounts")]
    Task<QueueCounts?> GetCounts();

    /// <summary>The patron's requests still waiting (queued or playing), in queue order.</summary>
    [Idempotent]
    [Alias("GetPendingFor")]
    Task<IReadOnlyList<QueueItem>> GetPendingFor(string patronKey);

    [Alias("Reorder")]
    Task<Outcome<QueueSnapshot>> Reorder(ReorderItems command, AuditStamp stamp);

    /// <summary>
    /// Closes the venue for the night: requests close, every queued item and every request awaiting approval ends as
    /// removed and any credits held for them are released. What is playing plays on.
    /// </summary>
    [Alias("CloseForTheNight")]
    Task<Outcome<QueueSnapshot>> CloseForTheNight(AuditStamp stamp);

    /// <summary>Ends a queued item (skipped, removed, failed); for the item now playing, asks the player to move on.</summary>
    [Alias("EndItem")]
    Task<Outcome<QueueItem>> EndItem(EndQueueItem command);
}
