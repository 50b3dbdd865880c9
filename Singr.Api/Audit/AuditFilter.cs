using Singr.Api.Http;

namespace Singr.Api.Audit;

/// <param name="ActorId">Matches the actor or the user acted as.</param>
/// <param name="Action">An exact action (<c>venue.update</c>), or a prefix ending in a dot (<c>venue.</c>).</param>
public sealed record AuditFilter(Guid? CustomerId, Guid? ActorId, Guid? VenueId, string? Action, DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>Reads actor, action, from and to from the query; the venue is resolved by the caller.</summary>
    public static AuditFilter Parse(HttpRequest request, Guid? customerId, List<ApiErrorDetail> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(problems);
        Guid? actor = null;
        if (request.Query["actor"].ToString() is { Length: > 0 } actorText)
        {
            if (Guid.TryParse(actorText, out var parsed))
            {
                actor = parsed;
            }
            else
            {
                problems.Add(new ApiErrorDetail("actor", "The actor is a user id (UUID)."));
            }
        }

        var action = request.Query["action"].ToString();
        if (action.Length > 100)
        {
            problems.Add(new ApiErrorDetail("action", "At most 100 characters."));
        }

        var from = QueryValues.Time(request, "from", problems);
        var to = QueryValues.Time(request, "to", problems);
        if (from > to)
        {
            problems.Add(new ApiErrorDetail("to", "'to' must not be before 'from'."));
        }

        return new AuditFilter(customerId, actor, null, action.Length == 0 ? null : action, from, to);
    }
}
