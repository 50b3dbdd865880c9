namespace Singr.Grains.Interfaces.Catalog;

/// <param name="Granted">The units were reserved: the call may be made.</param>
/// <param name="UnitsUsed">Units the day has spent, this reservation's included when granted.</param>
[GenerateSerializer]
[Immutable]
[Alias("singr.catalog.YouTubeQuotaReservation")]
public sealed record YouTubeQuotaReservation(
    [property: Id(0)] bool Granted,
    [property: Id(1)] int UnitsUsed,
    [property: Id(2)] int DailyUnits);
