using System.Collections.Frozen;

namespace Singr.Grains.Interfaces.Access;

/// <summary>
/// Which permission slugs each role carries. The plan lists roles and permissions but not the mapping; this is ours:
/// owners hold everything; managers run venues, players, song books and requests but cannot delete venues, manage
/// members, billing or API keys; staff run the night (requests, read-only elsewhere).
/// </summary>
public static class RolePermissions
{
    private static readonly FrozenDictionary<string, FrozenSet<string>> ByRole = new Dictionary<string, FrozenSet<string>>
    {
        [Roles.CustomerOwner] = FrozenSet.Create(
            Permissions.VenuesRead, Permissions.VenuesWrite, Permissions.VenuesDelete,
            Permissions.SystemsRead, Permissions.SystemsWrite,
            Permissions.ApiKeysRead, Permissions.ApiKeysWrite, Permissions.ApiKeysRevoke,
            Permissions.SongDbRead, Permissions.SongDbWrite,
            Permissions.RequestsRead, Permissions.RequestsProcess,
            Permissions.OrganizationRead, Permissions.OrganizationWrite,
            Permissions.BillingRead, Permissions.BillingWrite,
            Permissions.BrandingRead, Permissions.BrandingWrite),
        [Roles.CustomerManager] = FrozenSet.Create(
            Permissions.VenuesRead, Permissions.VenuesWrite,
            Permissions.SystemsRead, Permissions.SystemsWrite,
            Permissions.ApiKeysRead,
            Permissions.SongDbRead, Permissions.SongDbWrite,
            Permissions.RequestsRead, Permissions.RequestsProcess,
            Permissions.OrganizationRead,
            Permissions.BillingRead,
            Permissions.BrandingRead, Permissions.BrandingWrite),
        [Roles.CustomerStaff] = FrozenSet.Create(
            Permissions.VenuesRead,
            Permissions.SystemsRead,
            Permissions.SongDbRead,
            Permissions.RequestsRead, Permissions.RequestsProcess,
            Permissions.OrganizationRead,
            Permissions.BrandingRead),
        [Roles.Admin] = FrozenSet.Create(Permissions.AuditRead, Permissions.UsersManage, Permissions.MessagesManage),
        [Roles.SupportAdmin] = FrozenSet.Create(Permissions.AuditRead, Permissions.MessagesManage),
        [Roles.Developer] = FrozenSet.Create(Permissions.AuditRead, Permissions.UsersImpersonate),
    }.ToFrozenDictionary();

    public static IReadOnlySet<string> For(string? role) =>
        role is not null && ByRole.TryGetValue(role, out var permissions) ? permissions : FrozenSet<string>.Empty;

    public static bool Grants(string? role, string permission) => For(role).Contains(permission);

    /// <summary>
    /// Whether the role may see a patron's contact details (their account's email) on a request: owners and managers
    /// may follow up with a patron; staff running the night see names only.
    /// </summary>
    public static bool SeesPatronContact(string? role) => role is Roles.CustomerOwner or Roles.CustomerManager;
}
