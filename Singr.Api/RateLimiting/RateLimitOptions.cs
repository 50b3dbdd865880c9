namespace Singr.Api.RateLimiting;

/// <summary>
/// Bound from <c>Singr:RateLimits</c>; each policy's limit can be overridden, e.g.
/// <c>Singr:RateLimits:AuthSignIn:PermitLimit=10</c> or <c>Singr:RateLimits:AuthSignIn:Window=00:05:00</c>.
/// The defaults are the product's RATE_LIMITS.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Singr:RateLimits";

    public FixedWindowLimit AuthSignIn { get; set; } = FixedWindowLimit.Of(5, TimeSpan.FromMinutes(1));

    public FixedWindowLimit AuthRegister { get; set; } = FixedWindowLimit.Of(3, TimeSpan.FromHours(1));

    public FixedWindowLimit AuthPasswordReset { get; set; } = FixedWindowLimit.Of(5, TimeSpan.FromHours(1));

    public FixedWindowLimit AuthMagicLink { get; set; } = FixedWindowLimit.Of(5, TimeSpan.FromHours(1));

    public FixedWindowLimit AuthTwoFactorRequest { get; set; } = FixedWindowLimit.Of(5, TimeSpan.FromHours(1));

    public FixedWindowLimit AuthTwoFactorVerify { get; set; } = FixedWindowLimit.Of(10, TimeSpan.FromMinutes(15));

    public FixedWindowLimit PublicVenues { get; set; } = FixedWindowLimit.Of(60, TimeSpan.FromMinutes(1));

    public FixedWindowLimit PublicSongsSearch { get; set; } = FixedWindowLimit.Of(60, TimeSpan.FromMinutes(1));

    public FixedWindowLimit PublicRequests { get; set; } = FixedWindowLimit.Of(10, TimeSpan.FromHours(1));

    public FixedWindowLimit SingerRequest { get; set; } = FixedWindowLimit.Of(10, TimeSpan.FromHours(1));

    public FixedWindowLimit SingerQuickRequest { get; set; } = FixedWindowLimit.Of(10, TimeSpan.FromHours(1));

    public FixedWindowLimit CustomerApi { get; set; } = FixedWindowLimit.Of(100, TimeSpan.FromMinutes(1));

    public FixedWindowLimit CustomerSongDbImport { get; set; } = FixedWindowLimit.Of(10, TimeSpan.FromHours(1));

    /// <summary>Clearing requests by filter, which cannot be undone: 5 an hour, per organisation.</summary>
    public FixedWindowLimit CustomerRequestsBulkDelete { get; set; } = FixedWindowLimit.Of(5, TimeSpan.FromHours(1));

    public FixedWindowLimit AdminApi { get; set; } = FixedWindowLimit.Of(200, TimeSpan.FromMinutes(1));

    /// <summary>
    /// Retries of acknowledged song requests, per caller (<see cref="RateLimitPolicies.ReplaysCountedApart"/>). Each still
    /// costs the venue a turn to answer, so they have an allowance of their own rather than none.
    /// </summary>
    public FixedWindowLimit RequestReplays { get; set; } = FixedWindowLimit.Of(30, TimeSpan.FromMinutes(1));

    /// <summary>Every policy name of <see cref="RateLimitPolicies"/> with its limit.</summary>
    public IReadOnlyDictionary<string, FixedWindowLimit> ByPolicy() => new Dictionary<string, FixedWindowLimit>(StringComparer.Ordinal)
    {
        [RateLimitPolicies.AuthSignIn] = AuthSignIn,
        [RateLimitPolicies.AuthRegister] = AuthRegister,
        [RateLimitPolicies.AuthPasswordReset] = AuthPasswordReset,
        [RateLimitPolicies.AuthMagicLink] = AuthMagicLink,
        [RateLimitPolicies.AuthTwoFactorRequest] = AuthTwoFactorRequest,
        [RateLimitPolicies.AuthTwoFactorVerify] = AuthTwoFactorVerify,
        [RateLimitPolicies.PublicVenues] = PublicVenues,
        [RateLimitPolicies.PublicSongsSearch] = PublicSongsSearch,
        [RateLimitPolicies.PublicRequests] = PublicRequests,
        [RateLimitPolicies.SingerRequest] = SingerRequest,
        [RateLimitPolicies.SingerQuickRequest] = SingerQuickRequest,
        [RateLimitPolicies.CustomerApi] = CustomerApi,
        [RateLimitPolicies.CustomerSongDbImport] = CustomerSongDbImport,
        [RateLimitPolicies.CustomerRequestsBulkDelete] = CustomerRequestsBulkDelete,
        [RateLimitPolicies.AdminApi] = AdminApi,
    };
}
