using Singr.Grains.Interfaces.Catalog;

namespace Singr.Grains.Catalog;

/// <summary>The rules of one quota day's units, over its state: no I/O.</summary>
public sealed class YouTubeQuotaBook(YouTubeQuotaState day)
{
    /// <summary>
    /// Reserves <paramref name="units"/> when they fit in <paramref name="dailyUnits"/>; <c>WarnNow</c> is true for the
    /// one reservation of the day that first reaches the warning share.
    /// </summary>
    public (YouTubeQuotaReservation Reservation, bool WarnNow) Reserve(int units, int dailyUnits, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dailyUnits);
        if (day.SpentByProvider || day.UnitsUsed + units > dailyUnits)
        {
            return (Usage(dailyUnits, granted: false), false);
        }

        day.UnitsUsed += units;
        var warnNow = day.WarnedAt is null && day.UnitsUsed >= dailyUnits * YouTubeQuotaCosts.WarningShare;
        if (warnNow)
        {
            day.WarnedAt = now;
        }

        return (Usage(dailyUnits, granted: true), warnNow);
    }

    public void MarkSpent() => day.SpentByProvider = true;

    public YouTubeQuotaReservation Usage(int dailyUnits, bool granted = false) =>
        new(granted, day.SpentByProvider ? Math.Max(day.UnitsUsed, dailyUnits) : day.UnitsUsed, dailyUnits);
}
