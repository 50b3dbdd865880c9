using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Queue;

/// <param name="Value">Volume 0-100, or seek position in seconds.</param>
public sealed record IssuePlayerCommand(string Command, double? Value, AuditStamp Stamp);
