using Singr.Grains.Persistence;

namespace Singr.Grains.Wallets;

/// <summary>A <c>credit_transactions</c> row; the storage stamps it with the wallet version it commits.</summary>
/// <param name="Amount">Signed: what the balance moved by.</param>
public sealed record LedgerRow(
    Guid UserId,
    Guid? VenueId,
    int Amount,
    string Type,
    string Description,
    Guid OperationId,
    Guid? ActorId,
    int BalanceAfter) : ISideRow;
