namespace Singr.Grains.Interfaces.Accounts;

public static class AccountEmail
{
    /// <summary>Trimmed and lower-cased (invariant): "Ann@Bar.com " and "ann@bar.com" are one account.</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
