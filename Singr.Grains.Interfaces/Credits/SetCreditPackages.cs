using Singr.Grains.Interfaces.Audit;

namespace Singr.Grains.Interfaces.Credits;

[GenerateSerializer]
[Alias("singr.credits.SetCreditPackages")]
public sealed record SetCreditPackages([property: Id(0)] IReadOnlyList<CreditPackage> Packages, [property: Id(1)] AuditStamp Stamp);
