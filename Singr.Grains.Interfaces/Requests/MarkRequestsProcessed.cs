using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>Marks 1–100 of the venue's requests processed or not: all of them, or none when any id is not the venue's.</summary>
[GenerateSerializer]
[Alias("singr.requests.MarkRequestsProcessed")]
public sealed record MarkRequestsProcessed(
    [property: Id(0)] IReadOnlyList<Guid> Ids,
    [property: Id(1)] bool Processed,
    [property: Id(2)] AuditStamp Stamp)
{
    public const int MaxIds = 100;
}
