using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Customers;

namespace Singr.Api.Access;

/// <summary>
/// A member acting for their active organisation, as its grain knows them right now: a removed member or a changed
/// role takes effect on the next request, not when the token expires.
/// </summary>
public sealed record CustomerContext(Caller Caller, Guid CustomerId, CustomerMember Member)
{
    private static readonly object ItemKey = new();

    public bool Can(string permission) => RolePermissions.Grants(Member.Role, permission);

    public AuditStamp Stamp(HttpContext context) => Caller.Stamp(context, Member.Role);

    /// <summary>The context the customer-permission filter resolved for this request.</summary>
    public static CustomerContext Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as CustomerContext
            ?? throw new InvalidOperationException("This endpoint has no RequireCustomerPermission filter.");
    }

    internal void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}
