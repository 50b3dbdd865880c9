namespace Singr.Grains.Interfaces.Wallets;

/// <param name="Balance">The sum of the ledger.</param>
/// <param name="Held">Credits set aside for ON_PLAY requests not yet played (not in the ledger).</param>
/// <param name="Available">What a new request may spend: balance minus held.</param>
public sealed record WalletBalance(Guid UserId, int Balance, int Held, int Available, int TotalEarned, int TotalAdded, int TotalSpent, int TotalRemoved);
