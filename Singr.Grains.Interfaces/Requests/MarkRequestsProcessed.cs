using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Requests;

/// <summary>Marks 1–100 of the venue's requests processed or not: all of them, or none when any id is not the venue's.</summary>
public sealed record MarkRequestsProcessed(IReadOnlyList<Guid> Ids, bool Processed, AuditStamp Stamp)
{
    public const int MaxIds = 100;
}
