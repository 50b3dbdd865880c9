using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Http;

/// <summary>A grain's refusal (<see cref="DomainErrors"/>) as an HTTP status and an envelope error.</summary>
public static class DomainRefusals
{
    public static IResult ToResult(HttpContext context, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var (status, message, userMessage, field) = code switch
        {
            DomainErrors.CustomerNotFound => (404, "No such organisation, or the caller is not a member.", "We couldn't find that organisation.", null),
            DomainErrors.MemberNotFound => (404, "No such member in this organisation.", "We couldn't find that member.", null),
            DomainErrors.AlreadyMember => (409, "That user is already a member of this organisation.", "They're already on the team.", "email"),
            DomainErrors.LastOwner => (422, "An organisation keeps at least one owner: promote another member first.", "Make someone else an owner first.", "role"),
            DomainErrors.InvalidRole => (400, "Unknown role.", "Please choose a valid role.", "role"),
            DomainErrors.InvitationNotFound => (404, "No such pending invitation.", "We couldn't find that invitation.", null),
            DomainErrors.InvitationInvalid => (404, "The invitation is unknown, expired, revoked or already used.", "This invitation is no longer valid. Ask for a new one.", "token"),
            DomainErrors.InvitationForAnotherEmail => (403, "The invitation was sent to another email than this account's.", "This invitation was sent to a different email address.", "token"),
            DomainErrors.VenueNotFound => (404, "No such venue.", "We couldn't find that venue.", "venueId"),
            DomainErrors.VenueExists => (409, "A venue with this id already exists.", "That venue already exists.", null),
            DomainErrors.SlugTaken => (409, "Another venue already uses this venue id.", "That venue id is taken. Try another.", "venueId"),
            DomainErrors.PairingCodeInvalid => (401, "The pairing code is unknown, expired or already used.", "That code didn't work. Ask the host for a new one.", "code"),
            DomainErrors.PlayerNotFound => (404, "No such player at this venue.", "We couldn't find that player.", "playerId"),
            DomainErrors.AccountNotFound => (404, "No such user.", "We couldn't find that user.", null),
            DomainErrors.CannotImpersonatePlatformUser => (403, "Platform users cannot be impersonated.", "You can't act as platform staff.", "userId"),
            _ => (500, "Unmapped refusal.", "Something went wrong on our side. Please try again.", (string?)null),
        };
        var details = field is null ? [] : new[] { new ApiErrorDetail(field, message) };
        return ApiResults.Failure(context, status, new ApiError(code, message, userMessage, details));
    }

    public static IResult Result<T>(HttpContext context, Outcome<T> outcome, int successStatus = StatusCodes.Status200OK, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Error is { } error ? ToResult(context, error) : ApiResults.Success(context, outcome.Value, successStatus, message);
    }
}
