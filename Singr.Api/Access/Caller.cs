using System.Security.Claims;
using Singr.Api.Auth;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Audit;

namespace Singr.Api.Access;

/// <summary>Who is calling, read from a validated access token: everything ownership is derived from.</summary>
public sealed record Caller(
    CallerKind Kind,
    string Subject,
    Guid? UserId,
    string? Email,
    string Name,
    string? Nickname,
    string? PlatformRole,
    Guid? ActiveCustomerId,
    Guid? VenueId,
    Guid? ImpersonatorId,
    string? ImpersonatorEmail)
{
    private static readonly object ItemKey = new();

    public bool IsImpersonated => ImpersonatorId is not null;

    /// <summary>
    /// The request's caller, read from its validated token once and kept for the rest of the request: its filters and
    /// its handler all see the same kind and roles.
    /// </summary>
    public static Caller? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[ItemKey] is Caller known)
        {
            return known;
        }

        var caller = From(context.User);
        if (caller is not null)
        {
            context.Items[ItemKey] = caller;
        }

        return caller;
    }

    /// <summary>Reads a token's claims: requests use <see cref="Of"/>; hubs and token validation, which have no request of their own, this.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(SingrClaims.Subject) is not { } subject)
        {
            return null;
        }

        var roles = principal.FindAll(SingrClaims.Role).Select(c => c.Value).ToList();
        var kind = roles.Contains(Roles.Guest) ? CallerKind.Guest : roles.Contains(Roles.Player) ? CallerKind.Player : CallerKind.Account;
        return new Caller(
            kind,
            subject,
            kind == CallerKind.Account ? GuidClaim(principal, SingrClaims.Subject) : null,
            principal.FindFirstValue(SingrClaims.Email),
            principal.FindFirstValue(SingrClaims.Name) ?? string.Empty,
            principal.FindFirstValue(SingrClaims.Nickname),
            roles.FirstOrDefault(Roles.IsPlatformRole),
            GuidClaim(principal, SingrClaims.CustomerId),
            GuidClaim(principal, SingrClaims.VenueId),
            GuidClaim(principal, SingrClaims.ActorSubject),
            principal.FindFirstValue(SingrClaims.ActorEmail));
    }

    /// <summary>
    /// The audit stamp for a change this caller makes: under impersonation the developer is the actor and the user the
    /// one acted as.
    /// </summary>
    public AuditStamp Stamp(HttpContext context, string? role)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress?.ToString();
        return ImpersonatorId is { } impersonator
            ? new AuditStamp(impersonator, ImpersonatorEmail ?? string.Empty, UserId, Email, role, address, context.TraceIdentifier)
            : new AuditStamp(UserId ?? Guid.Empty, Email ?? Subject, null, null, role, address, context.TraceIdentifier);
    }

    private static Guid? GuidClaim(ClaimsPrincipal principal, string type) =>
        Guid.TryParse(principal.FindFirstValue(type), out var value) ? value : null;
}
