namespace Singr.Grains.Wallets;

/// <summary>What happened to a request's charge: remembered so that repeating a call repeats its answer.</summary>
public sealed class ChargeRecord
{
    public string State { get; set; } = string.Empty;

    public int Amount { get; set; }

    public Guid VenueId { get; set; }

    public string Description { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    /// <summary>The try that charged, or for a cancelled record the last try that may never charge.</summary>
    public int Attempt { get; set; } = 1;
}
