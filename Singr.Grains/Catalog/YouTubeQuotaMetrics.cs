using System.Diagnostics.Metrics;

namespace Singr.Grains.Catalog;

/// <summary>Counted where units are reserved: in the quota grain, on whichever silo hosts the day.</summary>
internal static class YouTubeQuotaMetrics
{
    private static readonly Meter Meter = new("Singr");

    public static readonly Counter<long> UnitsReserved =
        Meter.CreateCounter<long>("singr.youtube.quota_units", "{unit}", "YouTube Data API quota units reserved for calls (search 100, videos 1).");

    public static readonly Counter<long> Warnings =
        Meter.CreateCounter<long>("singr.youtube.quota_warnings", "{warning}", "Days whose YouTube quota reached 90% (raised once a day).");
}
