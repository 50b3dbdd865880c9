namespace Singr.Api.Wallets;

/// <param name="Amount">Signed: positive for EARNED and ADDED, negative for SPENT and REMOVED.</param>
public sealed record LedgerEntry(long Id, string Type, int Amount, int BalanceAfter, string Description, Guid? VenueId, DateTimeOffset CreatedAt);
