using Npgsql;
using Singr.Api.Http;
using Singr.Silo.Storage;

namespace Singr.Api.Payments;

/// <summary>Reads the credit purchases the wallet grains write beside their state, newest first.</summary>
public sealed class PurchaseBook(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "session_id, wallet_id, package, credits, amount_cents, currency, status, payment_intent_id, credits_taken_back, created_at, completed_at, refunded_at";

    public async Task<Page<PurchaseListing>> ListAsync(string? status, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT count(*) FROM credit_purchases WHERE $1::text IS NULL OR status = $1")
        {
            Parameters = { new NpgsqlParameter { Value = (object?)status ?? DBNull.Value } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"SELECT {Columns} FROM credit_purchases WHERE $1::text IS NULL OR status = $1 ORDER BY created_at DESC, session_id LIMIT $2 OFFSET $3")
        {
            Parameters =
            {
                new NpgsqlParameter { Value = (object?)status ?? DBNull.Value },
                new NpgsqlParameter { Value = page.Limit },
                new NpgsqlParameter { Value = page.Offset },
            },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var purchases = new List<PurchaseListing>();
        while (await reader.ReadAsync(cancellationToken))
        {
            purchases.Add(Read(reader));
        }

        return page.Of(purchases, total);
    }

    public async Task<PurchaseListing?> FindAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM credit_purchases WHERE session_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static PurchaseListing Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.GetInt32(3),
        reader.GetInt64(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetStringOrNull(7),
        reader.GetInt32OrNull(8),
        reader.GetFieldValue<DateTimeOffset>(9),
        reader.GetTimeOrNull(10),
        reader.GetTimeOrNull(11));
}
