namespace Singr.Grains.Venues;

public sealed class PairingCodeState
{
    public Guid VenueId { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public string? RedeemedBy { get; set; }
}
