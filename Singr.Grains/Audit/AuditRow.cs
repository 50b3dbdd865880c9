using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Persistence;

namespace Singr.Grains.Audit;

/// <summary>An <c>audit_log</c> row, committed with the change it records.</summary>
public sealed record AuditRow(AuditStamp Stamp, AuditEntry Entry) : ISideRow;
