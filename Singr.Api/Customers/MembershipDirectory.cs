using Npgsql;

namespace Singr.Api.Customers;

/// <summary>Reads the <c>customer_members</c> projection: which organisations a user belongs to.</summary>
public sealed class MembershipDirectory(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<Membership>> ForUserAsync(Guid userId, Guid? activeCustomerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT c.id, c.name, m.role FROM customer_members m JOIN customers c ON c.id = m.customer_id
            WHERE m.user_id = $1 ORDER BY lower(c.name), c.id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var memberships = new List<Membership>();
        while (await reader.ReadAsync(cancellationToken))
        {
            memberships.Add(new Membership(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(0) == activeCustomerId));
        }

        return memberships;
    }
}
