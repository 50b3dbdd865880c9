using Singr.Grains.Interfaces.Access;

namespace Singr.Api.Tests;

public sealed class RolePermissionsTests
{
    [Fact]
    public void Owners_hold_every_organisation_permission_of_the_plan()
    {
        string[] plan =
        [
            "venues:read", "venues:write", "venues:delete", "systems:read", "systems:write", "api_keys:read", "api_keys:write",
            "api_keys:revoke", "songdb:read", "songdb:write", "requests:read", "requests:process", "organization:read",
            "organization:write", "billing:read", "billing:write", "branding:read", "branding:write",
        ];

        Assert.Equal(plan.Order(StringComparer.Ordinal), RolePermissions.For(Roles.CustomerOwner).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(Roles.CustomerManager, Permissions.VenuesWrite, true)]
    [InlineData(Roles.CustomerManager, Permissions.SystemsWrite, true)]
    [InlineData(Roles.CustomerManager, Permissions.VenuesDelete, false)]
    [InlineData(Roles.CustomerManager, Permissions.OrganizationWrite, false)]
    [InlineData(Roles.CustomerManager, Permissions.BillingWrite, false)]
    [InlineData(Roles.CustomerStaff, Permissions.RequestsProcess, true)]
    [InlineData(Roles.CustomerStaff, Permissions.VenuesWrite, false)]
    [InlineData(Roles.CustomerStaff, Permissions.SystemsWrite, false)]
    [InlineData(Roles.Developer, Permissions.UsersImpersonate, true)]
    [InlineData(Roles.Admin, Permissions.UsersImpersonate, false)]
    [InlineData(Roles.SupportAdmin, Permissions.AuditRead, true)]
    [InlineData(Roles.SupportAdmin, Permissions.UsersManage, false)]
    [InlineData(Roles.Singer, Permissions.VenuesRead, false)]
    [InlineData(Roles.Guest, Permissions.RequestsRead, false)]
    [InlineData(Roles.Player, Permissions.VenuesRead, false)]
    public void Each_role_carries_what_its_job_needs_and_no_more(string role, string permission, bool granted) =>
        Assert.Equal(granted, RolePermissions.Grants(role, permission));

    [Theory]
    [InlineData(Roles.CustomerOwner, true)]
    [InlineData(Roles.CustomerManager, true)]
    [InlineData(Roles.CustomerStaff, false)]
    [InlineData(Roles.Admin, false)]
    [InlineData(Roles.Singer, false)]
    [InlineData(null, false)]
    public void Only_owners_and_managers_see_a_patrons_contact_details(string? role, bool sees) =>
        Assert.Equal(sees, RolePermissions.SeesPatronContact(role));
}
