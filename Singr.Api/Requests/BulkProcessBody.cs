namespace Singr.Api.Requests;

/// <summary><c>POST /v1/customer/requests/bulk/process</c>: 1–100 distinct request ids, all of the organisation's.</summary>
public sealed record BulkProcessBody(IReadOnlyList<Guid>? RequestIds, bool? Processed);
