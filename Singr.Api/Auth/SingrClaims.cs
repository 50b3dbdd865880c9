namespace Singr.Api.Auth;

/// <summary>Claim names as they appear in Singr's tokens (JWT names; inbound claim mapping is off).</summary>
public static class SingrClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>The internal id of the one venue a guest token is good for.</summary>
    public const string VenueId = "venue_id";

    public const string GuestRole = "guest";
}
