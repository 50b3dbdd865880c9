namespace Singr.Grains.Venues;

public sealed class VenueState
{
    public Guid CustomerId { get; set; }

    public string Slug { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Timezone { get; set; } = "UTC";

    public string? Address { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public Dictionary<Guid, PlayerState> Players { get; set; } = [];

    /// <summary>Hashes of the pairing codes this venue issued that are not spent yet, with their expiry.</summary>
    public Dictionary<string, DateTimeOffset> PendingPairingCodes { get; set; } = [];
}
