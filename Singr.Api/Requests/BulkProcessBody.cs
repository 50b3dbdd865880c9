using Singr.Api.Http;
using Singr.Grains.Interfaces.Requests;

namespace Singr.Api.Requests;

/// <summary><c>POST /v1/customer/requests/bulk/process</c>: 1–100 distinct request ids, all of the organisation's.</summary>
public sealed record BulkProcessBody(IReadOnlyList<Guid>? RequestIds, bool? Processed)
{
    /// <summary>Each invalid field.</summary>
    public IReadOnlyList<ApiErrorDetail> Check()
    {
        var problems = new List<ApiErrorDetail>();
        var ids = RequestIds ?? [];
        if (ids.Count is < 1 or > MarkRequestsProcessed.MaxIds)
        {
            problems.Add(new ApiErrorDetail("requestIds", $"From 1 to {MarkRequestsProcessed.MaxIds} request ids."));
        }
        else if (ids.Distinct().Count() != ids.Count)
        {
            problems.Add(new ApiErrorDetail("requestIds", "Each request id at most once."));
        }

        if (Processed is null)
        {
            problems.Add(new ApiErrorDetail("processed", "true to mark the requests processed, false to mark them not."));
        }

        return problems;
    }
}
