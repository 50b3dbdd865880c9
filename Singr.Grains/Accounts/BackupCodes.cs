using System.Security.Cryptography;

namespace Singr.Grains.Accounts;

/// <summary>The codes that stand in for a lost second factor: 10 of 8 characters, each single use, kept hashed.</summary>
public static class BackupCodes
{
    public const int Count = 10;
    public const int Length = 8;

    /// <summary>Lower-case letters and digits without the ones easily misread (0/o, 1/l/i).</summary>
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static IReadOnlyList<string> New() =>
        [.. Enumerable.Range(0, Count).Select(_ => new string([.. Enumerable.Range(0, Length).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)])]))];

    /// <summary>A code as typed, spaces and dashes dropped and lower-cased; null when it cannot be a backup code.</summary>
    public static string? Normalize(string? code)
    {
        var normalized = new string([.. (code ?? string.Empty).Where(c => c is not (' ' or '-')).Select(char.ToLowerInvariant)]);
        return normalized.Length == Length && normalized.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? normalized : null;
    }

    /// <summary>Takes the matching code out of <paramref name="hashes"/>; false when none matches.</summary>
    public static bool TryUse(List<string> hashes, string? code)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (Normalize(code) is not { } normalized)
        {
            return false;
        }

        var index = -1;
        for (var i = 0; i < hashes.Count; i++)
        {
            if (SecretTokens.Matches(hashes[i], normalized))
            {
                index = i;
            }
        }

        if (index < 0)
        {
            return false;
        }

        hashes.RemoveAt(index);
        return true;
    }
}
