using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Http;

/// <summary>A grain's refusal (<see cref="DomainErrors"/>) as an HTTP status and an envelope error.</summary>
public static class DomainRefusals
{
    public static IResult ToResult(HttpContext context, string code)
    {
        var (status, error) = Describe(code);
        return ApiResults.Failure(context, status, error);
    }

    /// <summary>The status and envelope error for a refusal code.</summary>
    public static (int Status, ApiError Error) Describe(string code)
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
            DomainErrors.RequestKindNotAccepted => (422, "This venue does not take this kind of request.", "This venue doesn't take that kind of request.", "kind"),
            DomainErrors.PriorityNotOffered => (422, "Priority requests exist only in HYBRID venues.", "Priority requests aren't available here.", "priority"),
            DomainErrors.RequestsClosed => (422, "The venue is not taking requests now.", "Requests are closed right now. Try again later!", null),
            DomainErrors.BlockedSong => (422, "The venue does not allow this song, artist or video.", "Sorry, that song isn't available here.", null),
            DomainErrors.IdempotencyKeyReused => (422, "This Idempotency-Key was already used for a different request: send a new key for a new request.", "Something went wrong sending that request. Please try again.", "Idempotency-Key"),
            DomainErrors.DuplicateRequest => (422, "This song is queued, playing or was played too recently.", "That song is already in the queue or was just played. Pick another!", null),
            DomainErrors.PatronLimitReached => (422, "The patron has as many requests waiting as the venue allows.", "You have the most requests waiting that this venue allows. Wait for one to play!", null),
            DomainErrors.QueueFull => (422, "The queue is at the venue's limit.", "The queue is full right now. Try again in a few songs.", null),
            DomainErrors.InsufficientCredits => (402, "The patron's available credits do not cover this request.", "You don't have enough credits for that request.", null),
            DomainErrors.QueueChanged => (409, "The queue changed; reload it and try again.", "The queue changed while you were editing it.", null),
            DomainErrors.QueueItemNotFound => (404, "No such item in this venue's queue.", "That song isn't in the queue any more.", "id"),
            DomainErrors.PlayerNotActive => (409, "This player does not hold the venue's player lease (another device does, or the lease moved on).", "This screen is not the venue's active player.", null),
            DomainErrors.CreditsBelowZero => (422, "That would take the patron's available credits below zero.", "They don't have that many credits to take.", "amount"),
            DomainErrors.PurchaseNotFound => (404, "No credit purchase has this checkout session id.", "We couldn't find that purchase.", "sessionId"),
            DomainErrors.GuestCreditsAlreadyMoved => (409, "This device's guest credits already moved to another account.", "Those credits already went to another account.", null),
            DomainErrors.PurchaseNotRefundable => (409, "Only a completed purchase can be refunded (this one is pending, expired or refunded already).", "That purchase can't be refunded.", "sessionId"),
            DomainErrors.RequestNotFound => (404, "No request has this id.", "We couldn't find that request.", "id"),
            DomainErrors.RequestStatusConflict => (409, "The request is not in a status that allows this.", "That request has moved on. Reload to see where it stands.", "status"),
            DomainErrors.RequestAlreadyAccepted => (409, "Another host has claimed this request.", "Someone else on the team is handling that request.", null),
            DomainErrors.ReplyAlreadySent => (409, "The patron has already replied to this request.", "You've already replied to this request.", "message"),
            DomainErrors.RequestPlaying => (409, "The request is playing now: skip it first.", "That song is playing right now. Skip it first.", "id"),
            DomainErrors.QuotaExceeded => (422, "The patron has used every request their tier allows this period.", "You've used all your requests for now. Your allowance renews soon!", null),
            DomainErrors.OnBehalfNotPermitted => (403, $"The caller's role in this organisation lacks the '{Permissions.RequestsProcess}' permission.", "Your role doesn't allow that. Ask an owner.", "permission"),
            DomainErrors.VideoPriceUnknown => (422, "This venue charges each video its own price, and this request came without it: request the video by its youtubeId through the API.", "We couldn't price that video. Please try again.", "youtubeId"),
            DomainErrors.QuotaTierNotFound => (400, "No quota tier has this name at this venue.", "That tier doesn't exist.", "tier"),
            DomainErrors.TokenInvalid => (400, "The token is unknown, expired or was already used.", "This link has expired or was already used. Please ask for a new one.", "token"),
            DomainErrors.CodeInvalid => (400, "The code is wrong, expired or was already used.", "That code didn't work. Check it and try again.", "code"),
            DomainErrors.EmailAlreadyVerified => (409, "This account's email is already verified.", "Your email is already verified.", null),
            DomainErrors.TwoFactorAlreadyEnabled => (409, "This second factor is already on; turn two-factor sign-in off first to set it up again.", "That's already turned on.", null),
            DomainErrors.TwoFactorNotEnabled => (409, "This account does not have this second factor on.", "Two-factor sign-in isn't turned on for that.", null),
            DomainErrors.TotpNotStarted => (409, "Start authenticator set-up first: no secret is waiting for a code.", "Start the authenticator set-up first.", null),
            DomainErrors.PhoneNotVerified => (409, "Verify a phone number first.", "Verify your phone number first.", "phone"),
            _ => (500, "Unmapped refusal.", "Something went wrong on our side. Please try again.", (string?)null),
        };
        var details = field is null ? [] : new[] { new ApiErrorDetail(field, message) };
        return (status, new ApiError(code, message, userMessage, details));
    }

    public static IResult Result<T>(HttpContext context, Outcome<T> outcome, int successStatus = StatusCodes.Status200OK, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Error is { } error ? ToResult(context, error) : ApiResults.Success(context, outcome.Value, successStatus, message);
    }
}
