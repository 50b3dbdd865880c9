namespace Singr.Grains.Interfaces.Wallets;

/// <param name="Balance">The sum of the ledger.</param>
/// <param name="Held">Credits set aside for ON_PLAY requests not yet played (not in the ledger).</param>
/// <param name="Available">What a new request may spend: balance minus held.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.wallets.WalletBalance")]
public sealed record WalletBalance(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] int Balance,
    [property: Id(2)] int Held,
    [property: Id(3)] int Available,
    [property: Id(4)] int TotalEarned,
    [property: Id(5)] int TotalAdded,
    [property: Id(6)] int TotalSpent,
    [property: Id(7)] int TotalRemoved);
