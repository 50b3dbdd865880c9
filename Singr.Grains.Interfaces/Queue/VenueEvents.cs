namespace Singr.Grains.Interfaces.Queue;

/// <summary>
/// The events of a venue's stream (the wire names clients listen for), each numbered by the venue: the stream id is
/// <see cref="StreamIdFor"/>, and every payload carries its <c>seq</c>.
/// </summary>
public static class VenueEvents
{
    public const string QueueInsert = "queue:insert";
    public const string QueueUpdate = "queue:update";
    public const string QueueReorder = "queue:reorder";
    /// <summary>
    /// The venue took a returning player's word for what it played offline (<c>player:queue_snapshot</c>): which songs
    /// ended how, which songs added at the player joined the queue. Each change also has its own queue event.
    /// </summary>
    public const string QueueReconcile = "queue:reconcile";

    public const string PlayerStateUpdate = "playerStateUpdate";
    public const string PlayerCommand = "playerCommand";
    public const string VenueState = "venueState";

    /// <summary>
    /// A request changed outside the queue's order (created awaiting approval, accepted, answered, replied to,
    /// processed, deleted): for the team and the requesting patron only, with <c>action</c> saying what happened.
    /// </summary>
    public const string RequestUpdate = "request:update";

    /// <summary>A patron's allowance changed (their tier did): for that patron only.</summary>
    public const string QuotaUpdate = "quota_update";

    public static string StreamIdFor(Guid venueId) => $"venue:{venueId:N}";
}
