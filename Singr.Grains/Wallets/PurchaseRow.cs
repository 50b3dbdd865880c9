using Singr.Grains.Persistence;

namespace Singr.Grains.Wallets;

/// <summary>A <c>credit_purchases</c> row: the purchase as the wallet now has it, for platform staff to list.</summary>
public sealed record PurchaseRow(string SessionId, Guid WalletId, PurchaseRecord Purchase) : ISideRow;
