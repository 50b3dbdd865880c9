using Singr.Grains.Catalog;
using Singr.Grains.Interfaces.Catalog;
using static Singr.Domain.Tests.TestVenues;

namespace Singr.Domain.Tests;

public sealed class YouTubeQuotaTests
{
    [Fact]
    public void Units_are_reserved_while_they_fit_in_the_day_and_refused_whole_when_they_do_not()
    {
        var day = new YouTubeQuotaState();
        var book = new YouTubeQuotaBook(day);

        var first = book.Reserve(101, 250, Evening).Reservation;
        var second = book.Reserve(101, 250, Evening).Reservation;
        var third = book.Reserve(101, 250, Evening).Reservation;
        var small = book.Reserve(1, 250, Evening).Reservation;

        Assert.Equal((true, 101), (first.Granted, first.UnitsUsed));
        Assert.Equal((true, 202), (second.Granted, second.UnitsUsed));
        Assert.Equal((false, 202), (third.Granted, third.UnitsUsed));
        Assert.Equal((true, 203), (small.Granted, small.UnitsUsed));
    }

    [Fact]
    public void The_warning_is_raised_by_the_one_reservation_that_reaches_ninety_percent()
    {
        var book = new YouTubeQuotaBook(new YouTubeQuotaState());

        var warnings = Enumerable.Range(0, 100).Select(_ => book.Reserve(1, 100, Evening).WarnNow).ToList();

        Assert.Equal(89, warnings.IndexOf(true));
        Assert.Single(warnings, w => w);
    }

    [Fact]
    public void A_day_youtube_says_is_spent_reserves_nothing_more()
    {
        var book = new YouTubeQuotaBook(new YouTubeQuotaState { UnitsUsed = 5 });

        book.MarkSpent();

        Assert.False(book.Reserve(1, 10_000, Evening).Reservation.Granted);
        Assert.Equal(10_000, book.Usage(10_000).UnitsUsed);
    }

    [Fact]
    public void The_quota_day_is_the_pacific_date_and_resets_at_pacific_midnight_in_summer_and_winter()
    {
        var pacific = TimeZoneInfo.FindSystemTimeZoneById(YouTubeQuotaDay.TimeZoneId);
        // 06:30 UTC on 5 December is 22:30 on 4 December in Los Angeles (UTC-8).
        var winter = YouTubeQuotaDay.At(new DateTimeOffset(2026, 12, 5, 6, 30, 0, TimeSpan.Zero), pacific);
        // 06:30 UTC on 5 July is 23:30 on 4 July (UTC-7).
        var summer = YouTubeQuotaDay.At(new DateTimeOffset(2026, 7, 5, 6, 30, 0, TimeSpan.Zero), pacific);

        Assert.Equal(("2026-12-04", new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero)), (winter.Key, winter.ResetsAt));
        Assert.Equal(("2026-07-04", new DateTimeOffset(2026, 7, 5, 7, 0, 0, TimeSpan.Zero)), (summer.Key, summer.ResetsAt));
    }

    [Fact]
    public void Without_the_pacific_zone_the_quota_day_is_the_utc_date()
    {
        var day = YouTubeQuotaDay.At(new DateTimeOffset(2026, 12, 5, 6, 30, 0, TimeSpan.Zero), TimeZoneInfo.Utc);

        Assert.Equal(("2026-12-05", new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero)), (day.Key, day.ResetsAt));
    }
}
