using Singr.Api.Venues;
using Singr.Grains.Interfaces.Requests;

namespace Singr.Api.Requests;

/// <summary>A request as the host dashboard and <c>/v1/customer/requests</c> show it.</summary>
/// <param name="VenueId">The venue's external id (slug).</param>
/// <param name="SubmittedByUserId">The patron's account; null for kiosk guests.</param>
/// <param name="SingerEmail">Only on <c>GET /{id}</c>, and only for roles that may contact patrons.</param>
public sealed record ManagedRequest(
    Guid Id,
    string VenueId,
    string VenueName,
    string Kind,
    string? Artist,
    string Title,
    int KeyChange,
    string? Notes,
    string? SingerName,
    string RequestedBy,
    Guid? SubmittedByUserId,
    string Status,
    int CreditsCost,
    bool Priority,
    DateTimeOffset RequestedAt,
    bool Processed,
    DateTimeOffset? ProcessedAt,
    RequestApproval? Approval,
    string? SingerEmail = null)
{
    public static ManagedRequest From(RequestView view, VenueRef venue)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(venue);
        return new(
            view.Id, venue.Slug, venue.Name, view.Kind, view.Artist, view.Title, view.KeyChange, view.Notes, view.SingerName,
            view.RequestedByName, view.PatronUserId, view.Status, view.CreditsCost, view.Priority, view.RequestedAt, view.Processed,
            view.ProcessedAt, view.Approval);
    }
}
