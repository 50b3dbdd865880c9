using Singr.Api.Http;

namespace Singr.Api.Access;

/// <summary>Refusals of the access layer (403s); unknown or foreign resources are 404s of their features.</summary>
public static class AccessErrors
{
    public static ApiError AccountRequired() => new(
        "ACCOUNT_REQUIRED", "This needs a signed-in account; guest and player tokens cannot do it.", "Please sign in to do that.", []);

    public static ApiError WalletRequired() => new(
        "WALLET_REQUIRED", "This needs an account or a guest session: they have credits; a player credential has none.", "Please sign in or start at the kiosk to do that.", []);

    public static ApiError CustomerContextRequired() => new(
        "CUSTOMER_CONTEXT_REQUIRED",
        "The token names no organisation this user belongs to; choose one with POST /v1/auth/switch-customer.",
        "Choose which organisation you are working for.",
        []);

    public static ApiError PermissionDenied(string permission) => new(
        "PERMISSION_DENIED",
        $"The caller's role in this organisation lacks the '{permission}' permission.",
        "Your role doesn't allow that. Ask an owner.",
        [new ApiErrorDetail("permission", permission)]);

    public static ApiError PlatformRoleRequired(string permission) => new(
        "PLATFORM_ROLE_REQUIRED",
        $"This needs platform staff with the '{permission}' permission, not under impersonation.",
        "You are not allowed to do that.",
        [new ApiErrorDetail("permission", permission)]);

    public static ApiError PlayerRequired() => new(
        "PLAYER_REQUIRED", "This needs a paired player's credential.", "Only the venue's player can do that.", []);

    public static ApiError NotUnderImpersonation() => new(
        "NOT_ALLOWED_UNDER_IMPERSONATION", "An impersonation token cannot do this.", "You can't do that while acting as someone else.", []);

    public static ApiError OwnerRequired() => new(
        "OWNER_REQUIRED", "Only the organisation's owners can do this.", "Only an owner can do that.", []);

    public static ApiError PlayerCannotRequest() => new(
        "PLAYER_CANNOT_REQUEST", "A player credential cannot request songs.", "Request songs from the kiosk or your phone.", []);

    public static ApiError WrongVenue() => new(
        "VENUE_MISMATCH", "This token is good for another venue only.", "This session belongs to a different venue.", []);
}
