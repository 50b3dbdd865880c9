using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Venues;

namespace Singr.Grains.Venues;

/// <summary>
/// Which devices may be the venue's player: a pairing code the host issued pairs one device, once, before it expires
/// (a retry from the same device gets the same player back); a host can revoke a player at any time.
/// </summary>
public sealed class PlayerPairing(VenueState venue, Guid venueId)
{
    /// <summary>Keeps a newly issued code (by its hash) until it expires, and forgets the codes that have.</summary>
    public void Issued(string codeHash, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        foreach (var expired in venue.PendingPairingCodes.Where(c => c.Value <= now).Select(c => c.Key).ToList())
        {
            venue.PendingPairingCodes.Remove(expired);
        }

        venue.PendingPairingCodes[codeHash] = expiresAt;
    }

    /// <summary>The device paired with the code; <c>Changed</c> is false for a retry that returns the player paired before.</summary>
    public (Outcome<PlayerDevice> Outcome, bool Changed) Pair(string codeHash, string deviceId, DateTimeOffset now)
    {
        var (pairedId, paired) = venue.Players.FirstOrDefault(p => p.Value.CodeHash == codeHash);
        if (paired is not null)
        {
            return (paired.DeviceId == deviceId && paired.RevokedAt is null
                ? Outcome.Ok(Device(pairedId, paired))
                : Outcome.Refused<PlayerDevice>(DomainErrors.PairingCodeInvalid), false);
        }

        if (!venue.PendingPairingCodes.TryGetValue(codeHash, out var expiresAt) || expiresAt <= now)
        {
            return (Outcome.Refused<PlayerDevice>(DomainErrors.PairingCodeInvalid), false);
        }

        venue.PendingPairingCodes.Remove(codeHash);
        var playerId = Guid.NewGuid();
        var player = new PairedPlayerState { DeviceId = deviceId, CodeHash = codeHash, PairedAt = now };
        venue.Players[playerId] = player;
        return (Outcome.Ok(Device(playerId, player)), true);
    }

    /// <summary>The player before and after; revoking one already revoked changes nothing (<c>Before</c> is null).</summary>
    public (Outcome<PlayerDevice> Outcome, PlayerDevice? Before) Revoke(Guid playerId, DateTimeOffset now)
    {
        if (!venue.Players.TryGetValue(playerId, out var player))
        {
            return (Outcome.Refused<PlayerDevice>(DomainErrors.PlayerNotFound), null);
        }

        if (player.RevokedAt is not null)
        {
            return (Outcome.Ok(Device(playerId, player)), null);
        }

        var before = Device(playerId, player);
        player.RevokedAt = now;
        return (Outcome.Ok(Device(playerId, player)), before);
    }

    /// <summary>A retired venue keeps no player and takes no pairing.</summary>
    public void RevokeAll(DateTimeOffset now)
    {
        venue.PendingPairingCodes.Clear();
        foreach (var player in venue.Players.Values.Where(p => p.RevokedAt is null))
        {
            player.RevokedAt = now;
        }
    }

    public PlayerDevice? Active(Guid playerId) =>
        venue.Players.TryGetValue(playerId, out var player) && player.RevokedAt is null ? Device(playerId, player) : null;

    public IReadOnlyList<PlayerDevice> All() => [.. venue.Players.Select(p => Device(p.Key, p.Value)).OrderBy(p => p.PairedAt)];

    private PlayerDevice Device(Guid playerId, PairedPlayerState player) => new(playerId, venueId, player.DeviceId, player.PairedAt, player.RevokedAt);
}
