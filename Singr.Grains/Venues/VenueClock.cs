namespace Singr.Grains.Venues;

/// <summary>The venue's wall clock: allowances renew and requests close by local time, not UTC.</summary>
public static class VenueClock
{
    /// <summary><paramref name="now"/> in the venue's timezone (UTC when the timezone is unknown on this machine).</summary>
    public static DateTimeOffset LocalTime(string timezone, DateTimeOffset now) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out var zone) ? TimeZoneInfo.ConvertTime(now, zone) : now;
}
