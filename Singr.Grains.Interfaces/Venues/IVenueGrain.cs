using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Calls;

namespace Singr.Grains.Interfaces.Venues;

/// <summary>
/// One venue, keyed by its internal id: its profile and its paired player devices. The same activation owns its queue
/// (<see cref="Queue.IVenueQueueGrain"/>), its player authority (<see cref="Queue.IVenuePlayerGrain"/>), its requests'
/// workflow and its allowances. The <c>venues</c> table is a projection it writes in the same transaction.
/// </summary>
[Alias("singr.venues.IVenueGrain")]
public interface IVenueGrain : IGrainWithGuidKey
{
    /// <summary>Creates the venue, claiming its slug. Repeating it for the same customer returns the same profile.</summary>
    [Alias("Create")]
    Task<Outcome<VenueProfile>> Create(CreateVenue command);

    /// <returns>The profile, or null when the venue does not exist or was deleted.</returns>
    [Idempotent]
    [Alias("GetProfile")]
    Task<VenueProfile?> GetProfile();

    [Alias("Update")]
    Task<Outcome<VenueProfile>> Update(UpdateVenue command);

    /// <summary>Retires the venue: it leaves the public list, frees its slug and revokes its players. Its history stays.</summary>
    [Alias("Delete")]
    Task<Outcome<VenueProfile>> Delete(DeleteVenue command);

    /// <summary>A single-use code, valid 10 minutes, that pairs one player device with this venue.</summary>
    [Alias("IssuePairingCode")]
    Task<Outcome<PairingCodeIssued>> IssuePairingCode(IssuePairingCode command);

    /// <summary>Called with a code this venue issued (the code's grain checked it): pairs the device.</summary>
    [Alias("PairPlayer")]
    Task<Outcome<PlayerDevice>> PairPlayer(PairPlayer command);

    /// <returns>The player while its credential is good (paired, not revoked, venue not deleted); else null.</returns>
    [Idempotent]
    [Alias("GetActivePlayer")]
    Task<PlayerDevice?> GetActivePlayer(Guid playerId);

    [Idempotent]
    [Alias("ListPlayers")]
    Task<IReadOnlyList<PlayerDevice>> ListPlayers();

    [Alias("RevokePlayer")]
    Task<Outcome<PlayerDevice>> RevokePlayer(RevokePlayer command);
}
