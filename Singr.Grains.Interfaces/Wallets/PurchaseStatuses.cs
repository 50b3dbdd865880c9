namespace Singr.Grains.Interfaces.Wallets;

/// <summary>A credit purchase's life: a checkout opened, then paid (the credits are added) or expired unpaid.</summary>
public static class PurchaseStatuses
{
    public const string Pending = "pending";
    public const string Completed = "completed";
    public const string Expired = "expired";
}
