using Singr.Api.Access;
using Singr.Grains.Interfaces.Customers;
using Orleans;

namespace Singr.Api.Venues;

/// <summary>Whether a caller is on the team of the organisation that runs a venue, as the organisation's grain says now.</summary>
public static class VenueHosts
{
    /// <returns>The caller's membership when their token acts for the venue's organisation and they belong to it; else null.</returns>
    public static async Task<CustomerMember?> MemberAtAsync(IGrainFactory grains, Caller caller, VenueRef venue)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(venue);
        return caller is { Kind: CallerKind.Account, UserId: { } userId } && caller.ActiveCustomerId == venue.CustomerId
            ? await grains.GetGrain<ICustomerGrain>(venue.CustomerId).GetMember(userId)
            : null;
    }
}
