namespace Singr.Grains.Interfaces.Accounts;

/// <summary>A refresh token as the client holds it: <c>{familyId:N}.{secret}</c>.</summary>
public static class RefreshToken
{
    public static string Compose(Guid familyId, string secret) => $"{familyId:N}.{secret}";

    public static bool TryParse(string? token, out Guid familyId)
    {
        familyId = Guid.Empty;
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot == 32 && Guid.TryParseExact(token![..dot], "N", out familyId);
    }
}
