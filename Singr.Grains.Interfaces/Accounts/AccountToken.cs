namespace Singr.Grains.Interfaces.Accounts;

/// <summary>
/// An account token as its holder gets it (email verification, password reset, magic link, two-factor challenge):
/// <c>{userId:N}.{secret}</c>. The user id routes it to the account (through the <c>users</c> row) without a scan; only
/// the account's grain can tell whether the secret is good.
/// </summary>
public static class AccountToken
{
    public static string Compose(Guid userId, string secret) => $"{userId:N}.{secret}";

    public static bool TryParse(string? token, out Guid userId)
    {
        userId = Guid.Empty;
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot == 32 && token!.Length > 33 && token.Length <= 200 && Guid.TryParseExact(token[..32], "N", out userId);
    }
}
