using System.Security.Cryptography;
using System.Text;

namespace Singr.Grains.Interfaces.Venues;

/// <summary>
/// Pairing codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as <c>ABCD-EFGH</c> and
/// typed on a TV remote, accepted in any case with or without the dash. Stored only as hashes.
/// </summary>
public static class PairingCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Length = 8;

    public static string New()
    {
        var characters = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            characters[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{new string(characters, 0, 4)}-{new string(characters, 4, 4)}";
    }

    /// <returns>The canonical form (<c>ABCDEFGH</c>), or null when <paramref name="typed"/> cannot be a code.</returns>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var canonical = typed.Trim().Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return canonical.Length == Length && canonical.All(Alphabet.Contains) ? canonical : null;
    }

    public static string Hash(string canonical) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(canonical)));
}
