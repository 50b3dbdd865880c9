using Singr.Grains.Interfaces.Venues;

namespace Singr.Api.Players;

/// <param name="VideoAdapter">To the player itself only (<c>/v1/players/me</c>): how its page plays videos (youtube, or test).</param>
public sealed record PlayerView(Guid PlayerId, string VenueId, string DeviceId, DateTimeOffset PairedAt, DateTimeOffset? RevokedAt, bool Active, string? VideoAdapter = null)
{
    public static PlayerView From(PlayerDevice player, string venueSlug)
    {
        ArgumentNullException.ThrowIfNull(player);
        return new(player.PlayerId, venueSlug, player.DeviceId, player.PairedAt, player.RevokedAt, player.Active);
    }
}
