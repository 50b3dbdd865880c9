using Singr.Grains.Interfaces.Audit;

namespace Singr.Api.Access;

/// <summary>Platform staff acting with their platform role (never under impersonation).</summary>
public sealed record PlatformContext(Caller Caller, string Role)
{
    private static readonly object ItemKey = new();

    public Guid UserId => Caller.UserId!.Value;

    public AuditStamp Stamp(HttpContext context) => Caller.Stamp(context, Role);

    public static PlatformContext Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items[ItemKey] as PlatformContext
            ?? throw new InvalidOperationException("This endpoint has no RequirePlatformPermission filter.");
    }

    internal void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}
