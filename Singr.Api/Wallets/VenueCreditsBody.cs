using Singr.Api.Auth;
using Singr.Api.Http;
using Singr.Grains.Interfaces.Wallets;

namespace Singr.Api.Wallets;

/// <summary>A host giving (ADDED) or taking (REMOVED) credits of a patron, named by user id or email.</summary>
public sealed record VenueCreditsBody(Guid? UserId, string? Email, int? Amount, string? Type, string? Reason)
{
    /// <summary>Each invalid field.</summary>
    public IReadOnlyList<ApiErrorDetail> Check()
    {
        var problems = CreditAmountRules.Check(Amount, Reason);
        if (Type is not (LedgerTypes.Added or LedgerTypes.Removed))
        {
            problems.Add(new ApiErrorDetail("type", "ADDED or REMOVED."));
        }

        if (UserId is null && !CredentialRules.IsEmail(Email))
        {
            problems.Add(new ApiErrorDetail("userId", "Name the patron by userId or email."));
        }

        return problems;
    }
}
