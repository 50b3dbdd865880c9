namespace Singr.Grains.Interfaces.Messaging;

/// <summary>
/// What a patron (or host) is told about a request (the book requests' "standard notification" on every answer and
/// reply); each is a preference with its own email, SMS and in-app choice.
/// </summary>
public static class NotificationKinds
{
    /// <summary>A host approved the patron's request.</summary>
    public const string RequestApproved = "request_approved";

    /// <summary>A host rejected it, with their message.</summary>
    public const string RequestRejected = "request_rejected";

    /// <summary>The request was sung.</summary>
    public const string RequestFulfilled = "request_fulfilled";

    /// <summary>To the host who answered: the patron replied.</summary>
    public const string RequestReplied = "request_replied";

    public static IReadOnlyList<string> All { get; } = [RequestApproved, RequestRejected, RequestFulfilled, RequestReplied];
}
