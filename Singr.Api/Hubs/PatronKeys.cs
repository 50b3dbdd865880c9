using Singr.Api.Access;
using Singr.Grains.Interfaces.Queue;

namespace Singr.Api.Hubs;

/// <summary>The key a venue knows a caller's own requests by (as the queue endpoint sets it).</summary>
public static class PatronKeys
{
    public static string? Of(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Kind switch
        {
            CallerKind.Guest => Patron.KeyOfGuest(caller.Subject),
            CallerKind.Account when caller.UserId is { } userId => Patron.KeyOfAccount(userId),
            _ => null,
        };
    }
}
