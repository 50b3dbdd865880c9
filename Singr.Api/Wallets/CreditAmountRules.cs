using Singr.Api.Http;

namespace Singr.Api.Wallets;

/// <summary>What every hand-made change of credits must say: how many, and why (it goes in the ledger and the audit).</summary>
public static class CreditAmountRules
{
    public const int MaxAdjustment = 100_000;
    public const int MaxReasonLength = 500;

    public static List<ApiErrorDetail> Check(int? amount, string? reason)
    {
        var problems = new List<ApiErrorDetail>();
        if (amount is not (>= 1 and <= MaxAdjustment))
        {
            problems.Add(new ApiErrorDetail("amount", $"A whole number of credits from 1 to {MaxAdjustment}."));
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            problems.Add(new ApiErrorDetail("reason", $"Why, in 1 to {MaxReasonLength} characters (it goes in the ledger and the audit)."));
        }

        return problems;
    }
}
