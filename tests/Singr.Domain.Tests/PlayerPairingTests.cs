using Singr.Grains.Interfaces.Access;
using Singr.Grains.Venues;
using static Singr.Domain.Tests.TestVenues;

namespace Singr.Domain.Tests;

public sealed class PlayerPairingTests
{
    private readonly VenueState _venue = Open();
    private readonly PlayerPairing _pairing;

    public PlayerPairingTests() => _pairing = new PlayerPairing(_venue, Guid.NewGuid());

    [Fact]
    public void A_code_pairs_one_device_once_and_the_same_device_retrying_gets_the_same_player_without_a_change()
    {
        _pairing.Issued("code-1", Evening.AddMinutes(10), Evening);

        var (first, firstChanged) = _pairing.Pair("code-1", "tv-by-the-bar", Evening.AddMinutes(1));
        var (retry, retryChanged) = _pairing.Pair("code-1", "tv-by-the-bar", Evening.AddMinutes(2));
        var (other, _) = _pairing.Pair("code-1", "someone-elses-laptop", Evening.AddMinutes(2));

        Assert.True(firstChanged);
        Assert.False(retryChanged);
        Assert.Equal(first.Value!.PlayerId, retry.Value!.PlayerId);
        Assert.Equal(DomainErrors.PairingCodeInvalid, other.Error);
        Assert.Single(_venue.Players);
        Assert.Empty(_venue.PendingPairingCodes);
    }

    [Fact]
    public void An_expired_or_unknown_code_pairs_nothing()
    {
        _pairing.Issued("code-1", Evening.AddMinutes(10), Evening);

        var (expired, expiredChanged) = _pairing.Pair("code-1", "tv", Evening.AddMinutes(10));
        var (unknown, _) = _pairing.Pair("code-2", "tv", Evening);

        Assert.Equal(DomainErrors.PairingCodeInvalid, expired.Error);
        Assert.False(expiredChanged);
        Assert.Equal(DomainErrors.PairingCodeInvalid, unknown.Error);
        Assert.Empty(_venue.Players);
    }

    [Fact]
    public void Issuing_a_code_forgets_the_codes_that_have_expired()
    {
        _pairing.Issued("old", Evening.AddMinutes(10), Evening);
        _pairing.Issued("new", Evening.AddMinutes(25), Evening.AddMinutes(15));

        Assert.Equal(["new"], _venue.PendingPairingCodes.Keys);
    }

    [Fact]
    public void A_revoked_player_is_no_longer_active_its_code_cannot_pair_it_again_and_revoking_twice_changes_nothing()
    {
        _pairing.Issued("code-1", Evening.AddMinutes(10), Evening);
        var player = _pairing.Pair("code-1", "tv", Evening).Outcome.Value!;

        var (revoked, before) = _pairing.Revoke(player.PlayerId, Evening.AddHours(1));
        var (again, beforeAgain) = _pairing.Revoke(player.PlayerId, Evening.AddHours(2));
        var (repaired, _) = _pairing.Pair("code-1", "tv", Evening.AddMinutes(3));

        Assert.Null(before!.RevokedAt);
        Assert.Equal(Evening.AddHours(1), revoked.Value!.RevokedAt);
        Assert.Null(beforeAgain);
        Assert.Equal(Evening.AddHours(1), again.Value!.RevokedAt);
        Assert.Null(_pairing.Active(player.PlayerId));
        Assert.Equal(DomainErrors.PairingCodeInvalid, repaired.Error);
        Assert.Equal(DomainErrors.PlayerNotFound, _pairing.Revoke(Guid.NewGuid(), Evening).Outcome.Error);
    }

    [Fact]
    public void A_retired_venue_revokes_every_player_and_forgets_its_codes()
    {
        _pairing.Issued("code-1", Evening.AddMinutes(10), Evening);
        _pairing.Issued("code-2", Evening.AddMinutes(10), Evening);
        var player = _pairing.Pair("code-1", "tv", Evening).Outcome.Value!;

        _pairing.RevokeAll(Evening.AddHours(1));

        Assert.Null(_pairing.Active(player.PlayerId));
        Assert.Empty(_venue.PendingPairingCodes);
        Assert.All(_pairing.All(), p => Assert.Equal(Evening.AddHours(1), p.RevokedAt));
    }
}
