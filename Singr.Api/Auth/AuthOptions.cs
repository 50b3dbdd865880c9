namespace Singr.Api.Auth;

/// <summary>Bound from the <c>Singr:Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Singr:Auth";

    public const int MinimumKeyBytes = 32;

    public string Issuer { get; set; } = "singr";

    public string Audience { get; set; } = "singr-api";

    /// <summary>Base64 HMAC-SHA256 key of at least 256 bits. Required outside Development, which generates and keeps one.</summary>
    public string? SigningKey { get; set; }

    /// <summary>JWT_ACCESS_TTL of the Singr backend plan.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Guest (kiosk and phone) sessions, 24 hours, renewable by the device.</summary>
    public TimeSpan GuestTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A developer acting as another user (to see what they see): 5 minutes, never refreshed.</summary>
    public TimeSpan ImpersonationTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Player credentials do not time out in practice (venues run 24/7); each use is checked against the venue, so a
    /// revoked player is refused at once.
    /// </summary>
    public TimeSpan PlayerTokenLifetime { get; set; } = TimeSpan.FromDays(3650);
}
