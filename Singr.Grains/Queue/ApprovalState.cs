namespace Singr.Grains.Queue;

/// <summary>A request's place in the approval workflow (<c>ApprovalStatuses</c>), with who answered it and how.</summary>
public sealed class ApprovalState
{
    public string Status { get; set; } = string.Empty;

    public Guid? AcceptedBy { get; set; }

    public string? AcceptedByName { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public Guid? RespondedBy { get; set; }

    public string? RespondedByName { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public string? ResponseMessage { get; set; }

    public string? PatronReply { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }
}
