using Singr.Api.Http;

namespace Singr.Api.Requests;

public static class RequestErrors
{
    public static ApiError NotFound() => new(
        "REQUEST_NOT_FOUND", "No request has this id.", "We couldn't find that request.", [new("id", "Unknown request.")]);
}
