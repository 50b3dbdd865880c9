using Npgsql;

namespace Singr.Api.Venues;

/// <summary>Slug ↔ UUID translation at the API edge: nothing inside takes a slug.</summary>
public sealed class VenueDirectory(NpgsqlDataSource dataSource)
{
    public async Task<VenueRef?> FindBySlugAsync(string slug, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT id, slug, name FROM venues WHERE slug = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = slug });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new VenueRef(reader.GetGuid(0), reader.GetString(1), reader.GetString(2))
            : null;
    }
}
