using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Queue;

/// <summary><c>player:queue_snapshot</c>: what the player did offline, sent when it is back.</summary>
/// <param name="State">The player's state now, as in a state report.</param>
/// <param name="Played">The songs it finished offline, in the order they ended (at most 100).</param>
/// <param name="Added">Songs added at the player, still <c>pending_local</c> there (at most 20).</param>
public sealed record PlayerQueueSnapshotBody(PlayerStateBody? State, IReadOnlyList<PlayedOfflineBody>? Played, IReadOnlyList<AddedAtPlayerBody>? Added)
{
    /// <summary>The snapshot of the paired player <paramref name="playerId"/>; check it with <see cref="PlayerQueueSnapshotRules"/>.</summary>
    public PlayerQueueSnapshot ToSnapshot(Guid playerId, string deviceId, AuditStamp stamp) => new(
        (State ?? new PlayerStateBody(null, null, null, null, null, null)).ToReport(playerId, deviceId),
        [.. (Played ?? []).Select(p => (p ?? new PlayedOfflineBody(null, null, null, null, null, null)).ToRecord())],
        [.. (Added ?? []).Select(a => (a ?? new AddedAtPlayerBody(null, null, null, null, null, null, null, null)).ToSong())],
        stamp);
}
