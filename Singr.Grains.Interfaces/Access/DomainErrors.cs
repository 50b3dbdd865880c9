namespace Singr.Grains.Interfaces.Access;

/// <summary>Codes for the business rules grains enforce; the API maps each to a status and a message.</summary>
public static class DomainErrors
{
    public const string CustomerNotFound = "CUSTOMER_NOT_FOUND";
    public const string MemberNotFound = "MEMBER_NOT_FOUND";
    public const string AlreadyMember = "ALREADY_MEMBER";
    public const string LastOwner = "LAST_OWNER";
    public const string InvalidRole = "INVALID_ROLE";
    public const string InvitationNotFound = "INVITATION_NOT_FOUND";
    public const string InvitationInvalid = "INVITATION_INVALID";
    public const string InvitationForAnotherEmail = "INVITATION_EMAIL_MISMATCH";
    public const string VenueNotFound = "VENUE_NOT_FOUND";
    public const string VenueExists = "VENUE_EXISTS";
    public const string SlugTaken = "SLUG_TAKEN";
    public const string PairingCodeInvalid = "PAIRING_CODE_INVALID";
    public const string PlayerNotFound = "PLAYER_NOT_FOUND";
    public const string AccountNotFound = "ACCOUNT_NOT_FOUND";
    public const string CannotImpersonatePlatformUser = "CANNOT_IMPERSONATE_PLATFORM_USER";
    public const string RequestKindNotAccepted = "REQUEST_KIND_NOT_ACCEPTED";
    public const string RequestsClosed = "REQUESTS_CLOSED";
    public const string BlockedSong = "BLOCKED_SONG";
    public const string DuplicateRequest = "DUPLICATE_REQUEST";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string PatronLimitReached = "PATRON_LIMIT_REACHED";
    public const string QueueFull = "QUEUE_FULL";
    public const string InsufficientCredits = "INSUFFICIENT_CREDITS";
    public const string PriorityNotOffered = "PRIORITY_NOT_OFFERED";
    public const string QueueChanged = "QUEUE_CHANGED";
    public const string QueueItemNotFound = "QUEUE_ITEM_NOT_FOUND";
    public const string PlayerNotActive = "PLAYER_NOT_ACTIVE";
    public const string CreditsBelowZero = "CREDITS_BELOW_ZERO";
    public const string PurchaseNotFound = "PURCHASE_NOT_FOUND";
    public const string GuestCreditsAlreadyMoved = "GUEST_CREDITS_ALREADY_MOVED";
    public const string PurchaseNotRefundable = "PURCHASE_NOT_REFUNDABLE";
    public const string RequestNotFound = "REQUEST_NOT_FOUND";
    public const string RequestStatusConflict = "REQUEST_STATUS_CONFLICT";
    public const string RequestAlreadyAccepted = "REQUEST_ALREADY_ACCEPTED";
    public const string ReplyAlreadySent = "REPLY_ALREADY_SENT";
    public const string RequestPlaying = "REQUEST_PLAYING";
    public const string QuotaExceeded = "QUOTA_EXCEEDED";
    public const string QuotaTierNotFound = "QUOTA_TIER_NOT_FOUND";
    /// <summary>A jukebox request at a venue that charges by video came without the video's price (the API looks it up).</summary>
    public const string VideoPriceUnknown = "VIDEO_PRICE_UNKNOWN";
    /// <summary>A host whose role does not let them process requests asked for a patron.</summary>
    public const string OnBehalfNotPermitted = "PERMISSION_DENIED";
    /// <summary>An account token (email verification, password reset, magic link, sign-in challenge) that is unknown, expired or used: one code for all, so nothing leaks.</summary>
    public const string TokenInvalid = "TOKEN_INVALID";
    /// <summary>A wrong, expired or already used one-time code (authenticator, SMS or backup code).</summary>
    public const string CodeInvalid = "CODE_INVALID";
    public const string EmailAlreadyVerified = "EMAIL_ALREADY_VERIFIED";
    public const string TwoFactorAlreadyEnabled = "TWO_FACTOR_ALREADY_ENABLED";
    public const string TwoFactorNotEnabled = "TWO_FACTOR_NOT_ENABLED";
    /// <summary>An authenticator code came before any authenticator secret was handed out.</summary>
    public const string TotpNotStarted = "TOTP_NOT_STARTED";
    public const string PhoneNotVerified = "PHONE_NOT_VERIFIED";
}
