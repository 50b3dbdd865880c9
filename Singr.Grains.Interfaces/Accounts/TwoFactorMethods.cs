namespace Singr.Grains.Interfaces.Accounts;

/// <summary>The second factors a sign-in challenge can be answered with.</summary>
public static class TwoFactorMethods
{
    /// <summary>A code from an authenticator app (RFC 6238).</summary>
    public const string Totp = "totp";

    /// <summary>A code sent by SMS to the account's verified phone, on request.</summary>
    public const string Sms = "sms";

    /// <summary>One of the backup codes shown when two-factor sign-in was turned on; each works once.</summary>
    public const string Backup = "backup";
}
