namespace Singr.Grains.Interfaces.Quotas;

/// <param name="Name">Unique within the venue, e.g. "regular" or "vip".</param>
/// <param name="RequestsAllowed">Requests a patron of this tier may make per period.</param>
/// <param name="Period">NIGHT or MONTH (<see cref="QuotaPeriods"/>).</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.quotas.QuotaTier")]
public sealed record QuotaTier([property: Id(0)] string Name, [property: Id(1)] int RequestsAllowed, [property: Id(2)] string Period);
