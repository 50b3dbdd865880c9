using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Singr.Api.Auth;

/// <summary>
/// The key access tokens are signed and checked with: the configured one, or in Development one generated on first
/// start and kept in the database so every process of a local cluster shares it. Loaded before the server starts.
/// </summary>
public sealed class SigningKeyStore(IOptions<AuthOptions> options, NpgsqlDataSource dataSource, IHostEnvironment environment) : IHostedService
{
    private const string DevelopmentKeyName = "development-jwt-signing-key";
    private SymmetricSecurityKey? _key;

    public SymmetricSecurityKey Key => _key ?? throw new InvalidOperationException("The signing key is not loaded yet.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.SigningKey;
        byte[] bytes;
        if (!string.IsNullOrEmpty(configured))
        {
            AuthOptionsValidator.TryDecode(configured, out bytes);
        }
        else if (environment.IsDevelopment())
        {
            bytes = Convert.FromBase64String(await DevelopmentKeyAsync(cancellationToken));
        }
        else
        {
            throw new InvalidOperationException("Singr:Auth:SigningKey is required outside Development.");
        }

        _key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<string> DevelopmentKeyAsync(CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("INSERT INTO platform_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
        {
            Parameters =
            {
                new NpgsqlParameter { Value = DevelopmentKeyName },
                new NpgsqlParameter { Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(AuthOptions.MinimumKeyBytes)) },
            },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT value FROM platform_secrets WHERE name = $1")
        {
            Parameters = { new NpgsqlParameter { Value = DevelopmentKeyName } },
        });
        return (string)(await batch.ExecuteScalarAsync(cancellationToken))!;
    }
}
