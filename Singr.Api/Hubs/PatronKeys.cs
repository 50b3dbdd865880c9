using Singr.Api.Access;

namespace Singr.Api.Hubs;

/// <summary>The key a venue knows a caller's own requests by (as the queue endpoint sets it).</summary>
public static class PatronKeys
{
    public static string? Of(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Kind switch
        {
            CallerKind.Guest => $"guest:{caller.Subject}",
            CallerKind.Account => $"user:{caller.UserId}",
            _ => null,
        };
    }
}
