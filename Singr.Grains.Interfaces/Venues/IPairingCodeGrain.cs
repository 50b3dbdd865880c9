namespace Singr.Grains.Interfaces.Venues;

/// <summary>A pairing code, keyed by its hash: it knows its venue, so a device needs nothing but the code.</summary>
[Alias("singr.venues.IPairingCodeGrain")]
public interface IPairingCodeGrain : IGrainWithStringKey
{
    /// <returns>False when this code is already live (the venue draws another).</returns>
    [Alias("Issue")]
    Task<bool> Issue(Guid venueId, DateTimeOffset expiresAt);

    /// <summary>
    /// Spends the code for <paramref name="deviceId"/>. The same device may present it again (a retried request)
    /// and gets the same venue; any other device, or any device after expiry, gets null.
    /// </summary>
    [Alias("Redeem")]
    Task<Guid?> Redeem(string deviceId);
}
