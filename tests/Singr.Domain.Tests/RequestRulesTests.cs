using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Queue;
using Singr.Grains.Interfaces.Quotas;
using Singr.Grains.Queue;
using Singr.Grains.Venues;
using static Singr.Domain.Tests.TestVenues;

namespace Singr.Domain.Tests;

public sealed class RequestRulesTests
{
    private static string? Refusal(VenueState venue, RequestSong request, RequestQuota? quota = null, DateTimeOffset? at = null) =>
        new RequestRules(venue).RefusalFor(request, quota, at ?? Evening);

    [Fact]
    public void An_open_venue_takes_a_request_that_breaks_no_rule()
    {
        Assert.Null(Refusal(Open(), Request("Dancing Queen")));
    }

    [Fact]
    public void A_venue_that_takes_no_karaoke_refuses_a_karaoke_request_and_takes_a_jukebox_one()
    {
        var venue = Open(VenueSettings.Default with { AcceptKaraoke = false });

        Assert.Equal(DomainErrors.RequestKindNotAccepted, Refusal(venue, Request("Dancing Queen")));
        Assert.Null(Refusal(venue, Request("Dancing Queen", kind: RequestKinds.Jukebox)));
    }

    [Theory]
    [InlineData(RequestModes.FreePlay)]
    [InlineData(RequestModes.Paid)]
    public void Priority_is_refused_outside_hybrid_venues(string mode)
    {
        Assert.Equal(DomainErrors.PriorityNotOffered, Refusal(Open(VenueSettings.Default with { Mode = mode }), Request("Jolene", priority: true)));
        Assert.Null(Refusal(Open(VenueSettings.Default with { Mode = RequestModes.Hybrid }), Request("Jolene", priority: true)));
    }

    [Fact]
    public void A_closed_venue_refuses_patrons_but_takes_a_hosts_request()
    {
        var venue = Open(VenueSettings.Default with { RequestsOpen = false });

        Assert.Equal(DomainErrors.RequestsClosed, Refusal(venue, Request("Jolene")));
        Assert.Null(Refusal(venue, Request("Jolene", byHost: true)));
    }

    [Fact]
    public void Requests_close_at_the_automatic_closing_time_of_the_venues_own_timezone_until_a_host_opens_them_again()
    {
        // 02:00 in New York is 07:00 UTC (November: UTC-5).
        var venue = Open(VenueSettings.Default with { AutoCloseAt = "02:00" }, timezone: "America/New_York");
        venue.RequestsOpenedAt = new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero);
        var beforeClosing = new DateTimeOffset(2026, 11, 28, 6, 59, 0, TimeSpan.Zero);
        var afterClosing = new DateTimeOffset(2026, 11, 28, 7, 1, 0, TimeSpan.Zero);

        Assert.True(new RequestRules(venue).AreOpenAt(beforeClosing));
        Assert.False(new RequestRules(venue).AreOpenAt(afterClosing));
        Assert.Equal(DomainErrors.RequestsClosed, Refusal(venue, Request("Jolene"), at: afterClosing));

        venue.RequestsOpenedAt = afterClosing;
        Assert.True(new RequestRules(venue).AreOpenAt(afterClosing.AddHours(12)));
    }

    [Fact]
    public void A_blocked_artist_or_title_is_refused_whatever_its_case_and_spacing()
    {
        var venue = Open(VenueSettings.Default with { Blocklist = new Blocklist(["the  BAND"], ["Baby Shark"], []) });

        Assert.Equal(DomainErrors.BlockedSong, Refusal(venue, Request("Anything")));
        Assert.Equal(DomainErrors.BlockedSong, Refusal(venue, Request("baby shark", artist: "Pinkfong")));
        Assert.Null(Refusal(venue, Request("Jolene", artist: "Dolly Parton")));
    }

    [Fact]
    public void A_song_already_waiting_is_a_duplicate_whoever_asks_for_it_and_whatever_its_case()
    {
        var venue = Open();
        Queue(venue, "Dancing Queen", patron: "guest:ann");

        Assert.Equal(DomainErrors.DuplicateRequest, Refusal(venue, Request("DANCING queen", patron: "guest:bob")));
    }

    [Fact]
    public void A_song_played_within_the_no_repeat_window_is_a_duplicate_and_may_be_asked_for_again_after_it()
    {
        var venue = Open(VenueSettings.Default with { NoRepeatMinutes = 30 });
        var played = Entry("Dancing Queen");
        venue.RecentSongs.Add(new RecentSong { SongKey = played.SongKey, At = Evening });

        Assert.Equal(DomainErrors.DuplicateRequest, Refusal(venue, Request("Dancing Queen"), at: Evening.AddMinutes(29)));
        Assert.Null(Refusal(venue, Request("Dancing Queen"), at: Evening.AddMinutes(31)));
    }

    [Fact]
    public void The_song_playing_now_is_a_duplicate_unless_the_venue_allows_repeats()
    {
        var venue = Open();
        venue.NowPlaying = Entry("Dancing Queen");

        Assert.Equal(DomainErrors.DuplicateRequest, Refusal(venue, Request("Dancing Queen")));
        venue.Settings = venue.Settings with { NoRepeatMinutes = 0 };
        Assert.Null(Refusal(venue, Request("Dancing Queen")));
    }

    [Fact]
    public void A_patron_may_have_at_most_the_venues_number_of_waiting_requests_counting_those_awaiting_approval_or_payment()
    {
        var venue = Open(VenueSettings.Default with { MaxPendingPerPatron = 3 });
        Queue(venue, "One", patron: "guest:ann");
        venue.AwaitingApproval.Add(Entry("Two", patron: "guest:ann"));
        venue.PendingPayments.Add(new PendingPayment { Entry = Entry("Three", patron: "guest:ann") });

        Assert.Equal(DomainErrors.PatronLimitReached, Refusal(venue, Request("Four", patron: "guest:ann")));
        Assert.Null(Refusal(venue, Request("Four", patron: "guest:bob")));
        Assert.Null(Refusal(venue, Request("Four", patron: "guest:ann", byHost: true)));
    }

    [Fact]
    public void A_full_queue_refuses_patrons_but_not_a_host()
    {
        var venue = Open(VenueSettings.Default with { QueueLimit = 2 });
        Queue(venue, "One", patron: "guest:ann");
        Queue(venue, "Two", patron: "guest:bob");

        Assert.Equal(DomainErrors.QueueFull, Refusal(venue, Request("Three", patron: "guest:cat")));
        Assert.Null(Refusal(venue, Request("Three", patron: "guest:cat", byHost: true)));
    }

    [Fact]
    public void A_patron_with_no_allowance_left_is_refused_and_one_with_an_unlimited_allowance_is_not()
    {
        var none = new RequestQuota(3, 3, 0, "2026-11-27", "regular");

        Assert.Equal(DomainErrors.QuotaExceeded, Refusal(Open(), Request("Jolene"), none));
        Assert.Null(Refusal(Open(), Request("Jolene"), RequestQuota.Unlimited));
    }

    [Fact]
    public void The_rules_refuse_in_their_fixed_order_kind_priority_closed_blocked_duplicate_patron_limit_queue_limit_allowance()
    {
        var venue = Open(VenueSettings.Default with { MaxPendingPerPatron = 1, QueueLimit = 1, Blocklist = new Blocklist([], ["Queued"], []) });
        Queue(venue, "Queued", patron: "guest:ann");
        var none = new RequestQuota(1, 1, 0, "2026-11-27", "regular");
        var everything = Request("Queued", patron: "guest:ann", priority: true);

        Assert.Equal(DomainErrors.PriorityNotOffered, Refusal(venue, everything, none));
        venue.Settings = venue.Settings with { RequestsOpen = false, Mode = RequestModes.Hybrid };
        Assert.Equal(DomainErrors.RequestsClosed, Refusal(venue, everything, none));
        venue.Settings = venue.Settings with { RequestsOpen = true };
        Assert.Equal(DomainErrors.BlockedSong, Refusal(venue, everything, none));
        venue.Settings = venue.Settings with { Blocklist = Blocklist.Empty };
        Assert.Equal(DomainErrors.DuplicateRequest, Refusal(venue, everything, none));
        Assert.Equal(DomainErrors.PatronLimitReached, Refusal(venue, Request("Other", patron: "guest:ann"), none));
        Assert.Equal(DomainErrors.QueueFull, Refusal(venue, Request("Other", patron: "guest:bob"), none));
        venue.Settings = venue.Settings with { QueueLimit = 10 };
        Assert.Equal(DomainErrors.QuotaExceeded, Refusal(venue, Request("Other", patron: "guest:bob"), none));
    }

    [Fact]
    public void Paid_venues_charge_every_song_hybrid_ones_only_priority_and_a_hosts_request_is_free()
    {
        var paid = new RequestRules(Open(VenueSettings.Default with { Mode = RequestModes.Paid, CostPerSong = 4 }));
        var hybrid = new RequestRules(Open(VenueSettings.Default with { Mode = RequestModes.Hybrid, PriorityCost = 7 }));

        Assert.Equal(4, paid.CostOf(Request("Jolene")));
        Assert.Equal(0, paid.CostOf(Request("Jolene", byHost: true)));
        Assert.Equal(0, hybrid.CostOf(Request("Jolene")));
        Assert.Equal(7, hybrid.CostOf(Request("Jolene", priority: true)));
        Assert.Equal(0, new RequestRules(Open()).CostOf(Request("Jolene")));
    }

    [Fact]
    public void A_paid_venue_that_charges_by_video_charges_a_video_the_price_it_was_shown_and_karaoke_its_usual_cost()
    {
        var venue = Open(VenueSettings.Default with { Mode = RequestModes.Paid, CostPerSong = 4, JukeboxPricing = JukeboxPricingModes.ByVideo });
        var rules = new RequestRules(venue);
        var video = Request("Bohemian Rhapsody", kind: RequestKinds.Jukebox) with { VideoCredits = 3 };

        Assert.Null(Refusal(venue, video));
        Assert.Equal(3, rules.CostOf(video));
        Assert.Equal(4, rules.CostOf(Request("Jolene")));
        Assert.Equal(0, rules.CostOf(video with { ByHost = true, VideoCredits = null }));
    }

    [Fact]
    public void A_video_whose_price_is_unknown_is_refused_where_the_venue_charges_by_video_and_taken_at_its_usual_cost_elsewhere()
    {
        var byVideo = Open(VenueSettings.Default with { Mode = RequestModes.Paid, JukeboxPricing = JukeboxPricingModes.ByVideo });
        var flat = Open(VenueSettings.Default with { Mode = RequestModes.Paid, CostPerSong = 2 });
        var unpriced = Request("Bohemian Rhapsody", kind: RequestKinds.Jukebox);

        Assert.Equal(DomainErrors.VideoPriceUnknown, Refusal(byVideo, unpriced));
        Assert.Equal(DomainErrors.VideoPriceUnknown, Refusal(byVideo, unpriced with { VideoCredits = 9 }));
        Assert.Null(Refusal(byVideo, unpriced with { ByHost = true }));
        Assert.Null(Refusal(flat, unpriced with { VideoCredits = 3 }));
        Assert.Equal(2, new RequestRules(flat).CostOf(unpriced with { VideoCredits = 3 }));
    }
}
