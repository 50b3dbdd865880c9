namespace Singr.Grains.Interfaces.Queue;

/// <summary>A song the player finished while it could not reach the server, as it recorded it then.</summary>
/// <param name="Key">The player's idempotency key for this record: sent again, it changes nothing more.</param>
/// <param name="Outcome">played, skipped or failed (<see cref="PlayerQueueSnapshotRules.Outcomes"/>).</param>
/// <param name="Heard">The song was heard (it reached playing): under ON_PLAY that is when its credits are spent.</param>
/// <param name="StartedAt">When it started, by the player's clock; null when it never did.</param>
/// <param name="EndedAt">When it ended, by the player's clock.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.queue.PlayedOffline")]
public sealed record PlayedOffline(
    [property: Id(0)] string Key,
    [property: Id(1)] Guid ItemId,
    [property: Id(2)] string Outcome,
    [property: Id(3)] bool Heard,
    [property: Id(4)] DateTimeOffset? StartedAt,
    [property: Id(5)] DateTimeOffset EndedAt);
