namespace Singr.Grains.Interfaces.Quotas;

/// <summary>
/// How often a tier's allowance renews, in the venue's timezone: <c>NIGHT</c> (a night runs from 06:00 to 06:00, so
/// a request at 01:30 counts for the night that began the evening before) or <c>MONTH</c> (calendar month).
/// </summary>
public static class QuotaPeriods
{
    public const string Night = "NIGHT";
    public const string Month = "MONTH";

    /// <summary>When a night ends and the next begins, local time.</summary>
    public static readonly TimeSpan NightStartsAt = TimeSpan.FromHours(6);

    public static IReadOnlyList<string> All { get; } = [Night, Month];

    /// <summary>The period <paramref name="localTime"/> falls in: <c>2026-11-21</c> for a night, <c>2026-11</c> for a month.</summary>
    public static string Label(string period, DateTimeOffset localTime) => period == Month
        ? localTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)
        : (localTime - NightStartsAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
