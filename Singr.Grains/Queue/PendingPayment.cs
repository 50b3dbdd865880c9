namespace Singr.Grains.Queue;

/// <summary>
/// A paid request between "the venue accepted it" and "the wallet charged it": durable before the wallet is called, so
/// a venue that dies in between finishes or drops it on its next activation, asking the wallet which.
/// </summary>
public sealed class PendingPayment
{
    public QueueEntry Entry { get; set; } = new();

    public bool Hold { get; set; }

    /// <summary>Which try at paying for the request this is (<see cref="Singr.Grains.Interfaces.Wallets.ChargeCredits.Attempt"/>).</summary>
    public int Attempt { get; set; } = 1;
}
