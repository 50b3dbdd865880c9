using Singr.Grains.Interfaces.Venues;
using Singr.Silo.Grains;

namespace Singr.Grains.Venues;

[GrainType("pairing-code")]
public sealed class PairingCodeGrain(TimeProvider timeProvider) : Grain<PairingCodeState>, IPairingCodeGrain
{
    public async Task<bool> Issue(Guid venueId, DateTimeOffset expiresAt)
    {
        if (State.VenueId != Guid.Empty && State.ExpiresAt > timeProvider.GetUtcNow())
        {
            return false;
        }

        State = new PairingCodeState { VenueId = venueId, ExpiresAt = expiresAt };
        await WriteStateAsync();
        return true;
    }

    public async Task<Guid?> Redeem(string deviceId)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        if (State.VenueId == Guid.Empty || State.ExpiresAt <= timeProvider.GetUtcNow())
        {
            return null;
        }

        if (State.RedeemedBy is not null)
        {
            return State.RedeemedBy == deviceId ? State.VenueId : null;
        }

        State.RedeemedBy = deviceId;
        await WriteStateAsync();
        return State.VenueId;
    }
}
