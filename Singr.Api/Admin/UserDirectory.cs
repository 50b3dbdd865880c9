using Npgsql;

namespace Singr.Api.Admin;

/// <summary>Reads the <c>users</c> projection: a user's email (their account grain's key) from their id.</summary>
public sealed class UserDirectory(NpgsqlDataSource dataSource)
{
    public async Task<string?> EmailOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT email FROM users WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
