using System.Security.Claims;
using Singr.Api.Auth;

namespace Singr.Api.RateLimiting;

/// <summary>
/// Whose counter a request uses: the signed-in user's (or guest's) <c>sub</c>, else the client address, prefixed with
/// the policy so that policies never share a counter. Policies counted per organisation use the token's active
/// organisation instead of its user, when it has one.
/// </summary>
public static class RateLimitPartitionKeys
{
    /// <summary>The partition of requests whose client address is not known (a host that does not report one).</summary>
    public const string UnknownAddress = "unknown";

    public static string For(string policy, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RateLimitPolicies.PartitionedByOrganisation.Contains(policy)
            && context.User.Identity?.IsAuthenticated == true
            && context.User.FindFirstValue(SingrClaims.CustomerId) is { Length: > 0 } customerId)
        {
            return $"{policy}|customer:{customerId}";
        }

        if (!RateLimitPolicies.PartitionedByAddressOnly.Contains(policy)
            && context.User.Identity?.IsAuthenticated == true
            && context.User.FindFirstValue(SingrClaims.Subject) is { Length: > 0 } subject)
        {
            return $"{policy}|user:{subject}";
        }

        return $"{policy}|address:{ClientAddress(context)}";
    }

    /// <summary>The caller's counter of replays under a policy (<see cref="RateLimitPolicies.ReplaysCountedApart"/>).</summary>
    public static string ReplayFor(string policy, HttpContext context) => $"{For(policy, context)}|replays";

    /// <summary>A host's own counter for a policy in <see cref="RateLimitPolicies.HostsCountedAsCustomerApi"/>; null for anyone else.</summary>
    public static string? HostFor(string policy, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RateLimitPolicies.HostsCountedAsCustomerApi.Contains(policy)
            && context.User.Identity?.IsAuthenticated == true
            && context.User.FindFirstValue(SingrClaims.CustomerId) is { Length: > 0 }
            && context.User.FindFirstValue(SingrClaims.Subject) is { Length: > 0 } subject
                ? $"{policy}|host:{subject}"
                : null;
    }

    /// <summary>The caller's address as the forwarded-headers middleware left it (the ingress's client, when trusted).</summary>
    public static string ClientAddress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return UnknownAddress;
        }

        // A dual-stack socket reports IPv4 clients as ::ffff:a.b.c.d; one client must have one key either way.
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
