using System.Globalization;
using System.Security.Cryptography;

namespace Singr.Grains.Accounts;

/// <summary>The 6-digit codes sent by SMS (phone verification, sign-in), kept only as a hash salted with the account.</summary>
public static class NumericCodes
{
    public const int Digits = 6;

    /// <summary>Wrong tries after which a code (or a sign-in challenge) is void.</summary>
    public const int MaxFailedAttempts = 5;

    public static string New() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    public static string Hash(Guid userId, string code) => SecretTokens.Hash($"{userId:N}:{code}");

    public static bool Matches(string? storedHash, Guid userId, string? code) =>
        LooksLikeCode(code) && SecretTokens.Matches(storedHash, $"{userId:N}:{code}");

    public static bool LooksLikeCode(string? code) => code is { Length: Digits } && code.All(char.IsAsciiDigit);
}
