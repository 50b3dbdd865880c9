namespace Singr.Grains.Interfaces.Quotas;

/// <param name="Name">Unique within the venue, e.g. "regular" or "vip".</param>
/// <param name="RequestsAllowed">Requests a patron of this tier may make per period.</param>
/// <param name="Period">NIGHT or MONTH (<see cref="QuotaPeriods"/>).</param>
public sealed record QuotaTier(string Name, int RequestsAllowed, string Period);
