using Singr.Api.Http;

namespace Singr.Api.Wallets;

/// <summary>Platform credits (EARNED), such as a promotion.</summary>
public sealed record GrantCreditsBody(int? Amount, string? Reason)
{
    /// <summary>Each invalid field.</summary>
    public IReadOnlyList<ApiErrorDetail> Check() => CreditAmountRules.Check(Amount, Reason);
}
