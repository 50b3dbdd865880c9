namespace Singr.Grains.Queue;

/// <summary>
/// A wallet call the venue owes after a change it has committed (capture held credits when a song starts, release them
/// when it never will). Kept in the venue's state until sent; the wallet's idempotency makes re-sending harmless.
/// </summary>
public sealed class WalletAction
{
    public Guid RequestId { get; set; }

    public Guid UserId { get; set; }

    public bool Capture { get; set; }
}
