namespace Singr.Grains.Interfaces.Requests;

/// <summary>The requesting patron's one reply to the host's answer.</summary>
/// <param name="PatronKey">Who is replying: only the patron who made the request may.</param>
public sealed record ReplyToRequest(Guid Id, string PatronKey, string Message)
{
    public const int MaxMessageLength = 500;
}
