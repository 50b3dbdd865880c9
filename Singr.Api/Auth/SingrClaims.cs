using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Auth;

/// <summary>Claim names as they appear in Singr's tokens (JWT names; inbound claim mapping is off).</summary>
public static class SingrClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";

    /// <summary>A singer's nickname, shown on the queue for their requests.</summary>
    public const string Nickname = "nickname";

    /// <summary>Zero or more: a platform role, <c>singer</c>; or exactly <c>guest</c> or <c>player</c>.</summary>
    public const string Role = "role";

    /// <summary>The internal id of the one venue a guest or player token is good for.</summary>
    public const string VenueId = "venue_id";

    /// <summary>The organisation an account's token acts for; what it may do there is asked of the organisation's grain.</summary>
    public const string CustomerId = "customer_id";

    /// <summary>The paired device a player token is bound to.</summary>
    public const string DeviceId = "device_id";

    /// <summary>On an impersonation token: the developer acting (RFC 8693's "act" party), besides <see cref="Subject"/>.</summary>
    public const string ActorSubject = "act_sub";

    public const string ActorEmail = "act_email";

    public const string GuestRole = Roles.Guest;
}
