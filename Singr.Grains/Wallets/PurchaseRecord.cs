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

    /// <summary>The ledger's operation id for a session: the same session can only ever be one ADDED row.</summary>
    public static Guid OperationIdOf(string sessionId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("checkout:" + sessionId)).AsSpan(0, 16));
}
