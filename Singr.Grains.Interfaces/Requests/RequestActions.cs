namespace Singr.Grains.Interfaces.Requests;

/// <summary>What a <c>request:update</c> says happened (book requests' actions, plus the host's own).</summary>
public static class RequestActions
{
    public const string Created = "created";
    public const string Accepted = "accepted";
    public const string StatusChanged = "status_changed";
    public const string Fulfilled = "fulfilled";
    public const string ReplyAdded = "reply_added";
    public const string Processed = "processed";

    /// <summary>To the patron alone, once, when two songs wait ahead of theirs: time to get ready.</summary>
    public const string UpNext = "up_next";
    public const string Deleted = "deleted";
}
