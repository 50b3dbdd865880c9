namespace Singr.Api.Payments;

/// <summary>A credit purchase as platform staff list it, with whose wallet it paid into.</summary>
public sealed record PurchaseListing(
    string SessionId,
    Guid WalletId,
    string Package,
    int Credits,
    long AmountCents,
    string Currency,
    string Status,
    string? PaymentIntentId,
    int? CreditsTakenBack,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? RefundedAt);
