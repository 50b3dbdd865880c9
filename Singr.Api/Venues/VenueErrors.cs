using Singr.Api.Http;

namespace Singr.Api.Venues;

public static class VenueErrors
{
    public static ApiError NotFound() => new(
        "VENUE_NOT_FOUND", "No venue has this id.", "We couldn't find that venue. Check the code on the kiosk or poster.", [new("venueId", "Unknown venue.")]);
}
