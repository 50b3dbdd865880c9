using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Persistence;

namespace Singr.Grains.Audit;

/// <summary>Audit rows are added to the grain's own write, so a change is never committed without its record.</summary>
internal static class AuditTrail
{
    public static void Record(List<ISideRow> rows, AuditStamp stamp, AuditEntry entry) => rows.Add(new AuditRow(stamp, entry));
}
