namespace Singr.Grains.Queue;

/// <summary>
/// Test seams in the paid-request path, to stop a venue between its steps the way a crash would. Registered only by
/// tests; the product runs without them.
/// </summary>
public sealed class VenuePaymentHooks
{
    /// <summary>Runs after the pending request is stored and before the wallet is charged.</summary>
    public Func<Guid, Task>? BeforeCharge { get; set; }

    /// <summary>Runs after the wallet charged and before the request is queued.</summary>
    public Func<Guid, Task>? AfterCharge { get; set; }
}
