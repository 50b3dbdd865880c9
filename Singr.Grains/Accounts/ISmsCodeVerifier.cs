namespace Singr.Grains.Accounts;

/// <summary>
/// Who checks an SMS code: the account itself (it made the code and keeps its hash), or a provider that makes and
/// checks its own (Twilio Verify), which the account then asks.
/// </summary>
public interface ISmsCodeVerifier
{
    /// <summary>Whether the provider makes the codes, so the account's own would never reach the phone.</summary>
    bool VerifiesCodes { get; }

    /// <summary>Whether <paramref name="code"/> is the one the provider sent to <paramref name="phone"/>.</summary>
    Task<bool> CheckAsync(string phone, string code);
}
