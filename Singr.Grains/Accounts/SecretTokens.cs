using System.Security.Cryptography;
using System.Text;

namespace Singr.Grains.Accounts;

/// <summary>Single-use secrets: 32 random bytes in base64url, stored only as their SHA-256, compared in constant time.</summary>
public static class SecretTokens
{
    public const int SecretBytes = 32;

    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The lower-case hex SHA-256 of the token's UTF-8 bytes: what state keeps instead of the token.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Whether <paramref name="presented"/> hashes to <paramref name="storedHash"/>, in time that does not depend on where they differ.</summary>
    public static bool Matches(string? storedHash, string? presented)
    {
        if (string.IsNullOrEmpty(storedHash) || presented is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(presented)));
    }
}
