namespace Singr.Grains.Interfaces.Wallets;

/// <summary>A credit purchase's life: a checkout opened, then paid (the credits are added) or expired unpaid; a paid one may be refunded.</summary>
public static class PurchaseStatuses
{
    public const string Pending = "pending";
    public const string Completed = "completed";
    public const string Expired = "expired";

    /// <summary>Paid back through Stripe by platform staff: its credits were taken back as far as they were left.</summary>
    public const string Refunded = "refunded";
}
