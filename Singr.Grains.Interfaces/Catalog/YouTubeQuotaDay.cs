namespace Singr.Grains.Interfaces.Catalog;

/// <summary>
/// YouTube's quota day: it starts at midnight Pacific time (<c>America/Los_Angeles</c>, with its summer time), or at
/// midnight UTC on a machine that lacks the zone.
/// </summary>
/// <param name="Key">The day as <c>yyyy-MM-dd</c>: the key of its <see cref="IYouTubeQuotaGrain"/>.</param>
/// <param name="ResetsAt">When the next day starts and the quota is whole again.</param>
public sealed record YouTubeQuotaDay(string Key, DateTimeOffset ResetsAt)
{
    public const string TimeZoneId = "America/Los_Angeles";

    public static YouTubeQuotaDay At(DateTimeOffset now) =>
        At(now, TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var pacific) ? pacific : TimeZoneInfo.Utc);

    public static YouTubeQuotaDay At(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var tomorrow = local.Date.AddDays(1);
        var resetsAt = new DateTimeOffset(tomorrow, zone.GetUtcOffset(tomorrow));
        return new(local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), resetsAt.ToUniversalTime());
    }
}
