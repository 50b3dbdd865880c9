namespace Singr.Grains.Interfaces.Access;

/// <summary>Role slugs: the platform's (admin, support admin, developer), an organisation's (owner, manager, staff), and singer, guest and player.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string SupportAdmin = "support_admin";
    public const string Developer = "developer";
    public const string CustomerOwner = "customer_owner";
    public const string CustomerManager = "customer_manager";
    public const string CustomerStaff = "customer_staff";
    public const string Singer = "singer";
    public const string Guest = "guest";
    public const string Player = "player";

    public static IReadOnlyList<string> PlatformRoles { get; } = [Admin, SupportAdmin, Developer];

    public static IReadOnlyList<string> CustomerRoles { get; } = [CustomerOwner, CustomerManager, CustomerStaff];

    public static bool IsPlatformRole(string? role) => role is not null && PlatformRoles.Contains(role);

    public static bool IsCustomerRole(string? role) => role is not null && CustomerRoles.Contains(role);
}
