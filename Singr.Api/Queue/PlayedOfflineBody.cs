using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Queue;

/// <summary>A song the player finished while offline.</summary>
/// <param name="Key">The player's idempotency key for the record (1 to 64 letters, digits, '_' or '-').</param>
/// <param name="Outcome">played, skipped or failed.</param>
/// <param name="Heard">It reached playing (ON_PLAY venues charge a heard song).</param>
public sealed record PlayedOfflineBody(string? Key, Guid? ItemId, string? Outcome, bool? Heard, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt)
{
    public PlayedOffline ToRecord() => new(Key ?? string.Empty, ItemId ?? Guid.Empty, Outcome ?? string.Empty, Heard ?? false, StartedAt, EndedAt ?? default);
}
