using Singr.Grains.Interfaces.Runtime;

namespace Singr.Grains.Interfaces.Venues;

/// <summary>A pairing code, keyed by its hash: it knows its venue, so a device needs nothing but the code.</summary>
public interface IPairingCodeGrain : IGrainWithStringKey
{
    /// <returns>False when this code is already live (the venue draws another).</returns>
    Task<bool> Issue(Guid venueId, DateTimeOffset expiresAt);

    /// <summary>
    /// Spends the code for <paramref name="deviceId"/>. The same device may present it again (a retried request)
    /// and gets the same venue; any other device, or any device after expiry, gets null.
    /// </summary>
    Task<Guid?> Redeem(string deviceId);
}
