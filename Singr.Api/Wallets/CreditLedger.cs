using Npgsql;
using Singr.Api.Http;
using Singr.Silo.Storage;

namespace Singr.Api.Wallets;

/// <summary>Reads the ledger the wallet grains write, newest first.</summary>
public sealed class CreditLedger(NpgsqlDataSource dataSource)
{
    public async Task<Page<LedgerEntry>> ForUserAsync(Guid userId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT count(*) FROM credit_transactions WHERE user_id = $1")
        {
            Parameters = { new NpgsqlParameter { Value = userId } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            """
            SELECT id, transaction_type, amount, balance_after, description, venue_id, created_at
            FROM credit_transactions WHERE user_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3
            """)
        {
            Parameters = { new NpgsqlParameter { Value = userId }, new NpgsqlParameter { Value = page.Limit }, new NpgsqlParameter { Value = page.Offset } },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var entries = new List<LedgerEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new LedgerEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                reader.GetString(4),
                reader.GetGuidOrNull(5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return page.Of(entries, total);
    }
}
