using Singr.Grains.Interfaces.Quotas;
using Singr.Grains.Venues;
using static Singr.Domain.Tests.TestVenues;

namespace Singr.Domain.Tests;

public sealed class QuotaBookTests
{
    private static readonly Guid Ann = Guid.NewGuid();
    private const string AnnKey = "user:ann";

    private static (VenueState Venue, QuotaBook Book) VenueWithTier(string period, int allowed = 2, string timezone = "Europe/Berlin")
    {
        var venue = Open(timezone: timezone);
        var book = new QuotaBook(venue);
        book.SetTiers([new QuotaTier("Regular", allowed, period)], "Regular");
        return (venue, book);
    }

    private static void Accept(QuotaBook book, DateTimeOffset at)
    {
        var entry = Entry($"Song at {at:O}", patron: AnnKey);
        entry.CountsInQuota = true;
        book.Count(entry, at);
    }

    [Fact]
    public void A_patron_without_a_tier_in_a_venue_without_a_default_is_unlimited()
    {
        Assert.Equal(RequestQuota.Unlimited, new QuotaBook(Open()).QuotaOf(AnnKey, Ann, Evening));
    }

    [Fact]
    public void A_request_at_half_past_one_counts_for_the_night_that_began_the_evening_before()
    {
        var (_, book) = VenueWithTier(QuotaPeriods.Night);
        var halfPastOneInBerlin = new DateTimeOffset(2026, 11, 28, 0, 30, 0, TimeSpan.Zero);

        Accept(book, Evening);
        Accept(book, halfPastOneInBerlin);
        var quota = book.QuotaOf(AnnKey, Ann, halfPastOneInBerlin);

        Assert.Equal(("2026-11-27", 2, 0), (quota.CurrentPeriod, quota.RequestsUsed, quota.RequestsRemaining));
    }

    [Fact]
    public void The_night_allowance_renews_at_six_in_the_venues_timezone_not_at_midnight_or_in_utc()
    {
        var (_, book) = VenueWithTier(QuotaPeriods.Night);
        Accept(book, Evening);
        Accept(book, Evening.AddHours(1));
        var fiveFiftyNineInBerlin = new DateTimeOffset(2026, 11, 28, 4, 59, 0, TimeSpan.Zero);
        var sixInBerlin = new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero);

        Assert.Equal(0, book.QuotaOf(AnnKey, Ann, fiveFiftyNineInBerlin).RequestsRemaining);
        var renewed = book.QuotaOf(AnnKey, Ann, sixInBerlin);
        Assert.Equal(("2026-11-28", 0, 2), (renewed.CurrentPeriod, renewed.RequestsUsed, renewed.RequestsRemaining));
    }

    [Fact]
    public void A_monthly_allowance_runs_for_the_calendar_month_of_the_venue()
    {
        var (_, book) = VenueWithTier(QuotaPeriods.Month, allowed: 5);
        Accept(book, Evening);
        Accept(book, Evening.AddDays(2));
        var lastMinuteOfNovemberInBerlin = new DateTimeOffset(2026, 11, 30, 22, 59, 0, TimeSpan.Zero);

        Assert.Equal(("2026-11", 3), (book.QuotaOf(AnnKey, Ann, lastMinuteOfNovemberInBerlin).CurrentPeriod, book.QuotaOf(AnnKey, Ann, lastMinuteOfNovemberInBerlin).RequestsRemaining));
        Assert.Equal(("2026-12", 5), (book.QuotaOf(AnnKey, Ann, lastMinuteOfNovemberInBerlin.AddMinutes(1)).CurrentPeriod, book.QuotaOf(AnnKey, Ann, lastMinuteOfNovemberInBerlin.AddMinutes(1)).RequestsRemaining));
    }

    [Fact]
    public void A_rejected_request_gives_its_count_back_once_and_only_to_the_night_it_was_counted_in()
    {
        var (_, book) = VenueWithTier(QuotaPeriods.Night);
        var lastNight = Entry("Last night", patron: AnnKey);
        lastNight.CountsInQuota = true;
        book.Count(lastNight, Evening);
        var tonight = Evening.AddDays(1);
        Accept(book, tonight);

        book.GiveBack(lastNight);
        book.GiveBack(lastNight);

        Assert.Equal(1, book.QuotaOf(AnnKey, Ann, tonight).RequestsUsed);
    }

    [Fact]
    public void A_hosts_request_on_a_patrons_behalf_counts_in_no_allowance()
    {
        var (_, book) = VenueWithTier(QuotaPeriods.Night);
        var onBehalf = Entry("For Ann", patron: AnnKey);

        book.Count(onBehalf, Evening);

        Assert.Equal(0, book.QuotaOf(AnnKey, Ann, Evening).RequestsUsed);
    }

    [Fact]
    public void Patrons_whose_tier_is_removed_fall_back_to_the_default_and_a_tier_renamed_only_in_case_is_kept()
    {
        var venue = Open();
        var book = new QuotaBook(venue);
        var bob = Guid.NewGuid();
        book.SetTiers([new QuotaTier("Regular", 2, QuotaPeriods.Night), new QuotaTier("VIP", 10, QuotaPeriods.Night)], "Regular");
        Assert.True(book.Assign(Ann, "vip"));
        Assert.True(book.Assign(bob, "Regular"));

        book.SetTiers([new QuotaTier("Vip", 10, QuotaPeriods.Night), new QuotaTier("Casual", 1, QuotaPeriods.Night)], "Casual");

        Assert.Equal("Vip", book.AssignedTier(Ann));
        Assert.Null(book.AssignedTier(bob));
        Assert.Equal("Casual", book.QuotaOf("user:bob", bob, Evening).Tier);
    }

    [Fact]
    public void Assigning_a_tier_the_venue_does_not_have_changes_nothing()
    {
        var (_, book) = VenueWithTier(QuotaPeriods.Night);

        Assert.False(book.Assign(Ann, "Platinum"));
        Assert.Null(book.AssignedTier(Ann));
    }

    [Fact]
    public void Tiers_with_the_same_name_in_another_case_are_refused()
    {
        var book = new QuotaBook(Open());

        Assert.Throws<ArgumentException>(() => book.SetTiers([new QuotaTier("VIP", 1, QuotaPeriods.Night), new QuotaTier("vip", 2, QuotaPeriods.Night)], null));
    }
}
