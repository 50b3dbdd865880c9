using System.Security.Cryptography;

namespace Singr.Grains.Interfaces.Customers;

/// <summary>An invitation token names its organisation, so accepting it routes to the right grain: <c>{customerId:N}.{secret}</c>.</summary>
public static class InvitationToken
{
    public static string Compose(Guid customerId) =>
        $"{customerId:N}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    public static bool TryParse(string? token, out Guid customerId)
    {
        customerId = Guid.Empty;
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot == 32 && token!.Length > 33 && Guid.TryParseExact(token[..32], "N", out customerId);
    }
}
