namespace Singr.Grains.Accounts;

/// <summary>The default: the account makes and checks its SMS codes itself.</summary>
public sealed class OwnSmsCodes : ISmsCodeVerifier
{
    public bool VerifiesCodes => false;

    public Task<bool> CheckAsync(string phone, string code) =>
        throw new InvalidOperationException("No provider checks SMS codes here; the account checks its own.");
}
