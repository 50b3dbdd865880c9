using Singr.Grains.Interfaces.Venues;

namespace Singr.Api.Players;

public sealed record PlayerView(Guid PlayerId, string VenueId, string DeviceId, DateTimeOffset PairedAt, DateTimeOffset? RevokedAt, bool Active)
{
    public static PlayerView From(PlayerDevice player, string venueSlug)
    {
        ArgumentNullException.ThrowIfNull(player);
        return new(player.PlayerId, venueSlug, player.DeviceId, player.PairedAt, player.RevokedAt, player.Active);
    }
}
