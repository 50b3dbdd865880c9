namespace Singr.Grains.Interfaces.Wallets;

/// <summary>A refund's effect on the wallet: credits taken back (REMOVED), and those already spent, which stay spent.</summary>
[GenerateSerializer]
[Immutable]
[Alias("singr.wallets.PurchaseRefunded")]
public sealed record PurchaseRefunded(
    [property: Id(0)] PurchaseView Purchase,
    [property: Id(1)] int CreditsTakenBack,
    [property: Id(2)] int CreditsAlreadySpent,
    [property: Id(3)] WalletBalance Balance);
