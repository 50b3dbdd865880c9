using Microsoft.Extensions.Logging;

namespace Singr.Grains.Catalog;

internal static partial class YouTubeQuotaLog
{
    /// <summary>Stable, for alerts: the day's YouTube quota is 90% spent.</summary>
    public const int QuotaWarningEventId = 7301;

    public const int QuotaSpentByProviderEventId = 7302;

    [LoggerMessage(EventId = QuotaWarningEventId, EventName = "YouTubeQuotaWarning", Level = LogLevel.Warning,
        Message = "YouTube quota day {QuotaDay} has spent {UnitsUsed} of {DailyUnits} units (90% or more): jukebox search stops when it is spent")]
    public static partial void QuotaWarning(ILogger logger, string quotaDay, int unitsUsed, int dailyUnits);

    [LoggerMessage(EventId = QuotaSpentByProviderEventId, EventName = "YouTubeQuotaSpentByProvider", Level = LogLevel.Warning,
        Message = "YouTube says quota day {QuotaDay} is spent after {UnitsUsed} units of ours: jukebox search is off until the reset")]
    public static partial void QuotaSpentByProvider(ILogger logger, string quotaDay, int unitsUsed);
}
