using Singr.Grains.Interfaces.Venues;
using Singr.Grains.Persistence;

namespace Singr.Grains.Venues;

[GrainType("pairing-code")]
public sealed class PairingCodeGrain([VersionedState("pairing-code")] IVersionedState<PairingCodeState> state, TimeProvider timeProvider) : Grain, IPairingCodeGrain
{
    private PairingCodeState State
    {
        get => state.State;
        set => state.State = value;
    }

    public async Task<bool> Issue(Guid venueId, DateTimeOffset expiresAt)
    {
        if (State.VenueId != Guid.Empty && State.ExpiresAt > timeProvider.GetUtcNow())
        {
            return false;
        }

        State = new PairingCodeState { VenueId = venueId, ExpiresAt = expiresAt };
        await state.WriteAsync();
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
        await state.WriteAsync();
        return State.VenueId;
    }
}
