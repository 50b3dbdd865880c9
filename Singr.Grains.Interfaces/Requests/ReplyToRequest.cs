namespace Singr.Grains.Interfaces.Requests;

/// <summary>The requesting patron's one reply to the host's answer.</summary>
/// <param name="PatronKey">Who is replying: only the patron who made the request may.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.requests.ReplyToRequest")]
public sealed record ReplyToRequest([property: Id(0)] Guid Id, [property: Id(1)] string PatronKey, [property: Id(2)] string Message)
{
    public const int MaxMessageLength = 500;
}
