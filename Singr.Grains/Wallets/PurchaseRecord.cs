using System.Security.Cryptography;
using System.Text;

namespace Singr.Grains.Wallets;

/// <summary>A credit purchase the wallet knows, kept for good: a provider may deliver an event again days later.</summary>
public sealed class PurchaseRecord
{
    public string Package { get; set; } = string.Empty;

    public int Credits { get; set; }

    public long AmountCents { get; set; }

    public string Currency { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Stripe's payment of a completed checkout, which a refund pays back.</summary>
    public string? PaymentIntentId { get; set; }

    public DateTimeOffset? RefundedAt { get; set; }

    /// <summary>On a refund: the credits taken back (the rest had been spent, and stays spent).</summary>
    public int? CreditsTakenBack { get; set; }

    /// <summary>The ledger's operation id for a session: the same session can only ever be one ADDED row.</summary>
    public static Guid OperationIdOf(string sessionId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("checkout:" + sessionId)).AsSpan(0, 16));
}
