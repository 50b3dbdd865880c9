namespace Singr.Grains.Interfaces.Access;

/// <summary>The permission slugs of the Singr backend plan (DEFAULT_PERMISSIONS), plus the platform's own.</summary>
public static class Permissions
{
    public const string VenuesRead = "venues:read";
    public const string VenuesWrite = "venues:write";
    public const string VenuesDelete = "venues:delete";
    public const string SystemsRead = "systems:read";
    public const string SystemsWrite = "systems:write";
    public const string ApiKeysRead = "api_keys:read";
    public const string ApiKeysWrite = "api_keys:write";
    public const string ApiKeysRevoke = "api_keys:revoke";
    public const string SongDbRead = "songdb:read";
    public const string SongDbWrite = "songdb:write";
    public const string RequestsRead = "requests:read";
    public const string RequestsProcess = "requests:process";
    public const string OrganizationRead = "organization:read";
    public const string OrganizationWrite = "organization:write";
    public const string BillingRead = "billing:read";
    public const string BillingWrite = "billing:write";
    public const string BrandingRead = "branding:read";
    public const string BrandingWrite = "branding:write";

    /// <summary>Platform: read every organisation's audit trail.</summary>
    public const string AuditRead = "audit:read";

    /// <summary>Platform: act as another user for five minutes (to see what they see).</summary>
    public const string UsersImpersonate = "users:impersonate";

    /// <summary>Platform: grant and withdraw platform roles.</summary>
    public const string UsersManage = "users:manage";

    /// <summary>Platform: see the email and SMS outbox, and send a failed or unconfirmed message again.</summary>
    public const string MessagesManage = "messages:manage";
}
