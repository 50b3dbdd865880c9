namespace Singr.Grains.Wallets;

/// <summary>Where a guest wallet's credits went, kept for good so the move happens once.</summary>
public sealed class GuestMove
{
    public Guid OperationId { get; set; }

    public Guid AccountId { get; set; }

    public int Credits { get; set; }

    public DateTimeOffset MovedAt { get; set; }
}
