namespace Singr.Grains.Interfaces.Requests;

/// <summary>
/// A request's answer in a venue that approves requests (book requests' statuses): <c>pending</c> until a host
/// responds, then <c>approved</c> (it joins the queue) or <c>rejected</c> (it never does); <c>fulfilled</c> once
/// an approved request has been sung.
/// </summary>
public static class ApprovalStatuses
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Fulfilled = "fulfilled";

    /// <summary>The answers a host may give with <c>respond</c>.</summary>
    public static IReadOnlyList<string> Responses { get; } = [Approved, Rejected];
}
