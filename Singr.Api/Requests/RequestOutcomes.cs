using Singr.Api.Http;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Requests;

namespace Singr.Api.Requests;

/// <summary>A venue grain's answer about one request, in the envelope; a status conflict names the status it found.</summary>
public static class RequestOutcomes
{
    public static IResult Result(HttpContext context, Outcome<RequestView> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Error is null)
        {
            return ApiResults.Success(context, outcome.Value!);
        }

        var (status, error) = DomainRefusals.Describe(outcome.Error);
        if (outcome.Value is { } current)
        {
            error = error with { Details = [new ApiErrorDetail("status", $"The request is {CurrentStatusOf(current)}.")] };
        }

        return ApiResults.Failure(context, status, error);
    }

    /// <summary>Where the request stands: its answer while the approval workflow decides it, else its queue status.</summary>
    public static string CurrentStatusOf(RequestView request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Approval?.Status ?? request.Status;
    }
}
