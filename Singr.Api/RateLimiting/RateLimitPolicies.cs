namespace Singr.Api.RateLimiting;

/// <summary>
/// Names of the rate-limit policies (the product's RATE_LIMITS). Apply one to an endpoint with
/// <c>.RequireRateLimiting(RateLimitPolicies.X)</c>; its limit comes from <see cref="RateLimitOptions"/>.
/// </summary>
public static class RateLimitPolicies
{
    public const string AuthSignIn = "auth-signin";
    public const string AuthRegister = "auth-register";
    public const string AuthPasswordReset = "auth-password-reset";
    public const string AuthMagicLink = "auth-magic-link";
    public const string AuthTwoFactorRequest = "auth-two-factor-request";
    public const string AuthTwoFactorVerify = "auth-two-factor-verify";
    public const string PublicVenues = "public-venues";
    public const string PublicSongsSearch = "public-songs-search";
    public const string PublicRequests = "public-requests";
    public const string SingerRequest = "singer-request";
    public const string SingerQuickRequest = "singer-quick-request";
    public const string CustomerApi = "customer-api";
    public const string CustomerSongDbImport = "customer-songdb-import";
    public const string CustomerRequestsBulkDelete = "customer-requests-bulk-delete";
    public const string AdminApi = "admin-api";

    /// <summary>
    /// Counted per client address even when the caller carries a token: these are the anonymous entry points, and a
    /// token (any user's, or a fresh guest's) must not buy a new allowance of password guesses, sign-ups or emailed links.
    /// </summary>
    public static readonly IReadOnlySet<string> PartitionedByAddressOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        AuthSignIn, AuthRegister, AuthPasswordReset, AuthMagicLink,
    };

    /// <summary>
    /// Counted per organisation the token acts for, whichever member calls: these limit what an organisation does to
    /// its own data (clearing its requests), so a team of five must not get five allowances.
    /// </summary>
    public static readonly IReadOnlySet<string> PartitionedByOrganisation = new HashSet<string>(StringComparer.Ordinal) { CustomerRequestsBulkDelete };

    /// <summary>
    /// A host acting for an organisation (the token names one) makes these calls all night on patrons' behalf: they
    /// are counted under <see cref="CustomerApi"/>'s limit, in a counter of their own, not a patron's 10 an hour.
    /// </summary>
    public static readonly IReadOnlySet<string> HostsCountedAsCustomerApi = new HashSet<string>(StringComparer.Ordinal) { PublicRequests };

    /// <summary>
    /// A retry of a request this front end already acknowledged (same caller, venue and <c>Idempotency-Key</c>) changes
    /// and charges nothing: it is counted against <see cref="RateLimitOptions.RequestReplays"/>, not these limits.
    /// </summary>
    public static readonly IReadOnlySet<string> ReplaysCountedApart = new HashSet<string>(StringComparer.Ordinal) { PublicRequests };
}
