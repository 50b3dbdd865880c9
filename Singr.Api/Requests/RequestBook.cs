using Npgsql;
using NpgsqlTypes;
using Singr.Api.Http;
using Singr.Api.Venues;
using Singr.Grains.Interfaces.Requests;
using Singr.Silo.Storage;
using static Singr.Silo.Storage.SqlParameters;

namespace Singr.Api.Requests;

/// <summary>
/// Reads the song request projection the venue grains write, as hosts manage it: every query is scoped to one
/// organisation's live venues and never shows a deleted request.
/// </summary>
public sealed class RequestBook(NpgsqlDataSource dataSource)
{
    private const string Columns = SongRequestRows.WithVenue;

    private const string From = "FROM song_requests r JOIN venues v ON v.id = r.venue_id";

    /// <summary>The organisation ($1) and optionally one of its venues ($2): live requests at live venues only.</summary>
    private const string Where =
        "WHERE v.customer_id = $1 AND v.deleted_at IS NULL AND r.deleted_at IS NULL AND ($2::uuid IS NULL OR r.venue_id = $2)";

    private const string Scope = $"{From} {Where}";

    /// <summary>$3–$7 after <see cref="Scope"/>'s $1–$2.</summary>
    private const string Filters =
        """
        AND ($3::boolean IS NULL OR r.processed = $3)
        AND ($4::text IS NULL OR r.status = $4)
        AND ($5::timestamptz IS NULL OR r.created_at >= $5)
        AND ($6::timestamptz IS NULL OR r.created_at <= $6)
        AND ($7::text IS NULL OR r.title ILIKE $7 OR r.artist ILIKE $7)
        """;

    /// <summary>Midnight to midnight of the day <c>$3</c> falls on, in the venue's own timezone.</summary>
    private const string StatsSql =
        $"""
        SELECT count(*),
               count(*) FILTER (WHERE NOT r.processed),
               count(*) FILTER (WHERE r.processed),
               count(*) FILTER (WHERE r.created_at >= date_trunc('day', $3::timestamptz AT TIME ZONE v.timezone) AT TIME ZONE v.timezone
                                  AND r.created_at < (date_trunc('day', $3::timestamptz AT TIME ZONE v.timezone) + interval '1 day') AT TIME ZONE v.timezone)
        {Scope}
        """;

    private const string RecentSql = $"SELECT {Columns} {Scope} AND NOT r.processed ORDER BY r.created_at DESC, r.id DESC LIMIT $3";

    private const string OneSql = $"SELECT {Columns}, u.email {From} LEFT JOIN users u ON u.id = r.patron_user_id {Where} AND r.id = $3";

    private const string OwnedSql =
        """
        SELECT r.id, v.id, v.slug FROM song_requests r JOIN venues v ON v.id = r.venue_id
        WHERE r.id = ANY($1) AND v.customer_id = $2 AND v.deleted_at IS NULL AND r.deleted_at IS NULL
        """;

    /// <summary>A page of the organisation's requests that match, newest first.</summary>
    public async Task<Page<RequestView>> ListAsync(
        Guid customerId, Guid? venueId, RequestFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"SELECT count(*) {Scope} {Filters}", FilterParameters(customerId, venueId, filter)));
        batch.BatchCommands.Add(Command(
            $"SELECT {Columns} {Scope} {Filters} ORDER BY r.created_at DESC, r.id DESC LIMIT $8 OFFSET $9",
            [.. FilterParameters(customerId, venueId, filter), new() { Value = page.Limit }, new() { Value = page.Offset }]));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<RequestView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(SongRequestRows.ReadView(reader));
        }

        return page.Of(items, total);
    }

    public async Task<RequestStats> StatsAsync(Guid customerId, Guid? venueId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(StatsSql);
        command.Parameters.AddRange((NpgsqlParameter[])[Uuid(customerId), Uuid(venueId), new NpgsqlParameter { Value = now.ToUniversalTime() }]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new RequestStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>The newest requests not processed yet.</summary>
    public async Task<IReadOnlyList<RequestView>> RecentAsync(Guid customerId, Guid? venueId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(RecentSql);
        command.Parameters.AddRange((NpgsqlParameter[])[Uuid(customerId), Uuid(venueId), new NpgsqlParameter { Value = limit }]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<RequestView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(SongRequestRows.ReadView(reader));
        }

        return items;
    }

    /// <summary>One of the organisation's requests, with the patron's account email when <paramref name="withContact"/>.</summary>
    public async Task<RequestView?> GetAsync(Guid customerId, Guid requestId, bool withContact, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(OneSql);
        command.Parameters.AddRange((NpgsqlParameter[])[Uuid(customerId), Uuid(null), Uuid(requestId)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var request = SongRequestRows.ReadView(reader);
        return withContact ? request with { SingerEmail = reader.GetStringOrNull(SongRequestRows.NextAfterVenue) } : request;
    }

    /// <summary>
    /// <paramref name="requestIds"/> by venue, in the order given, when they are live requests of the organisation; the
    /// ids that are unknown, deleted or another organisation's are <c>Strangers</c>.
    /// </summary>
    public async Task<(IReadOnlyList<VenueRequestIds> Venues, IReadOnlyList<Guid> Strangers)> ByVenueAsync(
        Guid customerId, IReadOnlyList<Guid> requestIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requestIds);
        await using var command = dataSource.CreateCommand(OwnedSql);
        command.Parameters.AddRange((NpgsqlParameter[])[
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid, Value = requestIds.ToArray() },
            Uuid(customerId)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var venueOf = new Dictionary<Guid, (Guid Id, string Slug)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            venueOf[reader.GetGuid(0)] = (reader.GetGuid(1), reader.GetString(2));
        }

        var venues = requestIds.Where(venueOf.ContainsKey).GroupBy(id => venueOf[id])
            .Select(venue => new VenueRequestIds(venue.Key.Id, venue.Key.Slug, [.. venue]))
            .ToList();
        return (venues, [.. requestIds.Where(id => !venueOf.ContainsKey(id))]);
    }

    private static NpgsqlParameter[] FilterParameters(Guid customerId, Guid? venueId, RequestFilter filter) =>
    [
        Uuid(customerId),
        Uuid(venueId),
        Flag(filter.Processed),
        Text(filter.Status),
        Time(filter.From),
        Time(filter.To),
        Text(filter.Search is null ? null : Containing(filter.Search)),
    ];

    private static NpgsqlBatchCommand Command(string sql, NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
