using Npgsql;
using Singr.Api.Http;
using Singr.Silo.Storage;
using static Singr.Silo.Storage.SqlParameters;

namespace Singr.Api.Venues;

/// <summary>
/// Reads the live venues projection: slug ↔ UUID translation at the API edge (nothing inside takes a slug) and the
/// public listing. Deleted venues are not found.
/// </summary>
public sealed class VenueDirectory(NpgsqlDataSource dataSource)
{
    public async Task<VenueRef?> FindBySlugAsync(string? slug, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT id, slug, name, customer_id FROM venues WHERE slug = $1 AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = slug.Trim().ToLowerInvariant() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new VenueRef(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3))
            : null;
    }

    /// <summary>The live venue named by the request's <c>{venueId}</c> route value.</summary>
    public Task<VenueRef?> FindForRouteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FindBySlugAsync(context.Request.RouteValues["venueId"] as string, context.RequestAborted);
    }

    public async Task<PublicVenue?> GetPublicAsync(string slug, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT slug, name, timezone, address FROM venues WHERE slug = $1 AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = slug.Trim().ToLowerInvariant() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadPublic(reader) : null;
    }

    /// <summary>Every live venue of the organisation, unpaged: for work done at each of them (dashboards, clearing).</summary>
    public async Task<IReadOnlyList<VenueRef>> OfOrganisationAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, slug, name, customer_id FROM venues WHERE customer_id = $1 AND deleted_at IS NULL ORDER BY lower(name), id");
        command.Parameters.Add(new NpgsqlParameter { Value = customerId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var venues = new List<VenueRef>();
        while (await reader.ReadAsync(cancellationToken))
        {
            venues.Add(new VenueRef(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3)));
        }

        return venues;
    }

    /// <summary>Live venues by name, optionally those whose name contains <paramref name="search"/> (any case).</summary>
    public async Task<Page<PublicVenue>> ListAsync(string? search, Guid? customerId, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var pattern = string.IsNullOrWhiteSpace(search) ? null : Containing(search.Trim().ToLowerInvariant());
        await using var batch = dataSource.CreateBatch();
        const string Filter = "deleted_at IS NULL AND ($1::text IS NULL OR lower(name) LIKE $1) AND ($2::uuid IS NULL OR customer_id = $2)";
        batch.BatchCommands.Add(Command($"SELECT count(*) FROM venues WHERE {Filter}", Text(pattern), Uuid(customerId)));
        batch.BatchCommands.Add(Command(
            $"SELECT slug, name, timezone, address FROM venues WHERE {Filter} ORDER BY lower(name), id LIMIT $3 OFFSET $4",
            Text(pattern),
            Uuid(customerId),
            new NpgsqlParameter { Value = page.Limit },
            new NpgsqlParameter { Value = page.Offset }));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var venues = new List<PublicVenue>();
        while (await reader.ReadAsync(cancellationToken))
        {
            venues.Add(ReadPublic(reader));
        }

        return page.Of(venues, total);
    }

    private static PublicVenue ReadPublic(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetStringOrNull(3));

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
