using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>
/// Hosts working through their organisation's requests at <c>/v1/customer/requests</c>: what they see (filters, counts,
/// the to-do list, one request), what they change (processed, deleted, cleared) and who may.
/// </summary>
public sealed class RequestManagementTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private const string Requests = "/v1/customer/requests";

    [Fact]
    public async Task Hosts_list_their_requests_newest_first_filtered_by_venue_processed_status_dates_and_search_a_page_at_a_time()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var bar = await OpenVenueAsync(owner);
        var lounge = await OpenVenueAsync(owner);
        var (stranger, _) = await ApiUser.RegisterOwnerAsync(app.Client, "stranger");
        var strangersVenue = await OpenVenueAsync(stranger);
        var guest = await ApiUser.GuestTokenAsync(app.Client, bar);
        var loungeGuest = await ApiUser.GuestTokenAsync(app.Client, lounge);

        DateTimeOffset earlier;
        Guid oldest;
        app.Clock.Offset = -TimeSpan.FromHours(2);
        try
        {
            oldest = await RequestSongAsync(bar, guest, "Bohemian Rhapsody", "Queen");
            earlier = app.Clock.GetUtcNow();
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        var pressure = await RequestSongAsync(bar, guest, "Under Pressure", "QUEEN & David Bowie");
        var percent = await RequestSongAsync(bar, guest, "100% Pure_Love", "Crystal Waters");
        var plain = await RequestSongAsync(bar, guest, "1000 Pure Love", "Crystal Waters");
        var wonderwall = await RequestSongAsync(lounge, loungeGuest, "Wonderwall", "Oasis");
        await RequestSongAsync(strangersVenue, await ApiUser.GuestTokenAsync(app.Client, strangersVenue), "Somebody's Song", "Queen");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"{Requests}/{pressure}/process", new { processed = true });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{lounge}/queue/{wonderwall}", new { status = "skipped" });
        var cutoff = Uri.EscapeDataString(earlier.AddHours(1).ToString("O"));

        var all = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Requests);
        Assert.Equal([wonderwall, plain, percent, pressure, oldest], Ids(all));
        Assert.Equal(5, Total(all));
        var first = all.GetProperty("items")[0];
        Assert.Equal(lounge, first.GetProperty("venueId").GetString());
        Assert.Equal("Oasis", first.GetProperty("artist").GetString());
        Assert.Equal("skipped", first.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("singerEmail").ValueKind);

        Assert.Equal([plain, percent, pressure, oldest], Ids(await ListAsync(owner, $"venueId={bar}")));
        Assert.Equal([wonderwall, pressure], Ids(await ListAsync(owner, "processed=true")));
        Assert.Equal([plain, percent, oldest], Ids(await ListAsync(owner, "processed=FALSE")));
        Assert.Equal([wonderwall], Ids(await ListAsync(owner, "status=skipped")));
        Assert.Equal([plain, percent, pressure, oldest], Ids(await ListAsync(owner, "status=queued")));
        Assert.Equal([oldest], Ids(await ListAsync(owner, $"endDate={cutoff}")));
        Assert.Equal([wonderwall, plain, percent, pressure], Ids(await ListAsync(owner, $"startDate={cutoff}")));
        Assert.Equal([pressure, oldest], Ids(await ListAsync(owner, "search=queen")));
        Assert.Equal([wonderwall], Ids(await ListAsync(owner, "search=WONDER")));
        Assert.Equal([percent], Ids(await ListAsync(owner, $"search={Uri.EscapeDataString("0%")}")));
        Assert.Equal([percent], Ids(await ListAsync(owner, $"search={Uri.EscapeDataString("e_l")}")));
        var everyFilter = await ListAsync(owner, $"venueId={bar}&processed=false&search=pure&startDate={cutoff}&status=queued&limit=1");
        Assert.Equal([plain], Ids(everyFilter));
        Assert.Equal(2, Total(everyFilter));

        var secondPage = await ListAsync(owner, "limit=2&page=2");
        var pastTheEnd = await ListAsync(owner, "limit=2&page=4");
        Assert.Equal([percent, pressure], Ids(secondPage));
        Assert.Equal((2, 2, 5, 3), PageOf(secondPage));
        Assert.Empty(Ids(pastTheEnd));
        Assert.Equal((4, 2, 5, 3), PageOf(pastTheEnd));
    }

    [Fact]
    public async Task A_bad_filter_is_a_400_naming_its_field_and_a_venue_not_of_the_organisation_is_a_404()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        await OpenVenueAsync(owner);
        var (stranger, _) = await ApiUser.RegisterOwnerAsync(app.Client, "stranger");
        var strangersVenue = await OpenVenueAsync(stranger);

        using var bad = await owner.SendAsync(HttpMethod.Get,
            $"{Requests}?processed=maybe&status=approved&startDate=yesterday&search={new string('a', 201)}&limit=101&page=0");
        using var backwards = await owner.SendAsync(HttpMethod.Get,
            $"{Requests}?startDate=2026-11-02T00:00:00Z&endDate=2026-11-01T00:00:00Z");
        using var unknown = await owner.SendAsync(HttpMethod.Get, $"{Requests}?venueId=no-such-venue");
        using var foreign = await owner.SendAsync(HttpMethod.Get, $"{Requests}?venueId={strangersVenue}");
        using var foreignStats = await owner.SendAsync(HttpMethod.Get, $"{Requests}/stats?venueId={strangersVenue}");
        using var foreignRecent = await owner.SendAsync(HttpMethod.Get, $"{Requests}/recent?venueId={strangersVenue}");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["limit", "page", "processed", "search", "startDate", "status"], await FieldsAsync(bad));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(["startDate"], await FieldsAsync(backwards));
        foreach (var response in new[] { unknown, foreign, foreignStats, foreignRecent })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("VENUE_NOT_FOUND", (await EnvelopeJson.ErrorOfAsync(response)).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Stats_count_pending_and_processed_and_today_is_each_venues_own_day()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var auckland = await OpenVenueAsync(owner, "Pacific/Auckland");
        var losAngeles = await OpenVenueAsync(owner, "America/Los_Angeles");
        var aucklandGuest = await ApiUser.GuestTokenAsync(app.Client, auckland);
        var done = await RequestSongAsync(auckland, aucklandGuest, "Royals", "Lorde");
        await RequestSongAsync(auckland, aucklandGuest, "Team", "Lorde");
        await RequestSongAsync(losAngeles, await ApiUser.GuestTokenAsync(app.Client, losAngeles), "California Gurls", "Katy Perry");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"{Requests}/{done}/process", new { processed = true });

        var now = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/stats");
        var aucklandNow = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/stats?venueId={auckland}");
        Assert.Equal((3, 2, 1, 3), Stats(now));
        Assert.Equal((2, 1, 1, 2), Stats(aucklandNow));

        // Just past the next local midnight of whichever venue reaches it first (they are three or more hours apart):
        // there the requests are yesterday's, at the other venue they are still today's.
        var midnights = new[] { ("Pacific/Auckland", auckland), ("America/Los_Angeles", losAngeles) }
            .Select(v => (NextMidnight: NextLocalMidnight(app.Clock.GetUtcNow(), v.Item1), Slug: v.Item2))
            .OrderBy(v => v.NextMidnight)
            .ToList();
        var (pastMidnight, stillToday) = (midnights[0].Slug, midnights[1].Slug);
        app.Clock.Offset = midnights[0].NextMidnight - DateTimeOffset.UtcNow + TimeSpan.FromMinutes(5);
        try
        {
            var organisation = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/stats");
            var yesterdays = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/stats?venueId={pastMidnight}");
            var todays = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/stats?venueId={stillToday}");

            Assert.Equal(0, yesterdays.GetProperty("todayCount").GetInt64());
            Assert.Equal(stillToday == auckland ? 2 : 1, todays.GetProperty("todayCount").GetInt64());
            Assert.Equal(todays.GetProperty("todayCount").GetInt64(), organisation.GetProperty("todayCount").GetInt64());
            Assert.Equal(3, organisation.GetProperty("total").GetInt64());
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Recent_is_the_newest_unprocessed_requests_with_Guest_for_no_singer_and_at_most_fifty()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await OpenVenueAsync(owner);
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var jukebox = await RequestSongAsync(slug, guest, "Dancing Queen", "ABBA");
        using (var sent = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/queue", guest,
            new { kind = "karaoke", artist = "Queen", title = "Somebody to Love", singer = "Freddie" }))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        var latest = await RequestSongAsync(slug, guest, "Waterloo", "ABBA");
        var processed = await RequestSongAsync(slug, guest, "Mamma Mia", "ABBA");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"{Requests}/{processed}/process", new { processed = true });

        var recent = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/recent?venueId={slug}");
        var two = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/recent?limit=2");
        using var tooMany = await owner.SendAsync(HttpMethod.Get, $"{Requests}/recent?limit=51");
        using var none = await owner.SendAsync(HttpMethod.Get, $"{Requests}/recent?limit=0");

        Assert.Equal(["Waterloo", "Somebody to Love", "Dancing Queen"], recent.EnumerateArray().Select(r => r.GetProperty("title").GetString()).ToList());
        Assert.Equal(["Guest", "Freddie", "Guest"], recent.EnumerateArray().Select(r => r.GetProperty("singerName").GetString()).ToList());
        Assert.DoesNotContain(processed, recent.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal([latest, recent[1].GetProperty("id").GetGuid()], two.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList());
        Assert.Equal(jukebox, recent[2].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(["limit"], await FieldsAsync(tooMany));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
    }

    [Fact]
    public async Task One_request_shows_the_patrons_email_to_owners_and_managers_but_not_to_staff()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await OpenVenueAsync(owner);
        var manager = await ApiUser.RegisterAsync(app.Client, "manager");
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(manager, customerId, "customer_manager");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");
        var ann = await ApiUser.RegisterAsync(app.Client, "Ann");
        var queued = await ann.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue",
            new { kind = "karaoke", artist = "Adele", title = "Someone Like You", keyChange = -1, notes = "slow please" });
        var annsRequest = queued.GetProperty("item").GetProperty("id").GetGuid();
        var guestsRequest = await RequestSongAsync(slug, await ApiUser.GuestTokenAsync(app.Client, slug), "Hello", "Adele");

        var byOwner = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/{annsRequest}");
        var byManager = await manager.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/{annsRequest}");
        var byStaff = await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/{annsRequest}");
        var guests = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/{guestsRequest}");
        var listed = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}?venueId={slug}");
        using var unknown = await owner.SendAsync(HttpMethod.Get, $"{Requests}/{Guid.NewGuid()}");
        using var notAnId = await owner.SendAsync(HttpMethod.Get, $"{Requests}/not-an-id");

        Assert.Equal(ann.Email, byOwner.GetProperty("singerEmail").GetString(), ignoreCase: true);
        Assert.Equal(ann.Email, byManager.GetProperty("singerEmail").GetString(), ignoreCase: true);
        Assert.Equal(JsonValueKind.Null, byStaff.GetProperty("singerEmail").ValueKind);
        Assert.Equal("Someone Like You", byStaff.GetProperty("title").GetString());
        Assert.Equal(ann.UserId, byOwner.GetProperty("submittedByUserId").GetGuid());
        Assert.Equal(("Adele", -1, "slow please", "Ann"), (
            byOwner.GetProperty("artist").GetString(), byOwner.GetProperty("keyChange").GetInt32(),
            byOwner.GetProperty("notes").GetString(), byOwner.GetProperty("requestedBy").GetString()));
        Assert.Equal((slug, "queued", false), (
            byOwner.GetProperty("venueId").GetString(), byOwner.GetProperty("status").GetString(), byOwner.GetProperty("processed").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, guests.GetProperty("singerEmail").ValueKind);
        Assert.Equal(JsonValueKind.Null, guests.GetProperty("submittedByUserId").ValueKind);
        Assert.All(listed.GetProperty("items").EnumerateArray(), item => Assert.Equal(JsonValueKind.Null, item.GetProperty("singerEmail").ValueKind));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("REQUEST_NOT_FOUND", (await EnvelopeJson.ErrorOfAsync(unknown)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
    }

    [Fact]
    public async Task A_host_marks_a_request_processed_and_back_and_the_flag_is_required()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await OpenVenueAsync(owner);
        var id = await RequestSongAsync(slug, await ApiUser.GuestTokenAsync(app.Client, slug), "Africa", "Toto");

        var processed = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"{Requests}/{id}/process", new { processed = true });
        var seen = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/{id}");
        var unprocessed = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"{Requests}/{id}/process", new { processed = false });
        var seenAgain = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/{id}");
        using var missing = await owner.SendAsync(HttpMethod.Patch, $"{Requests}/{id}/process", new { });

        Assert.Equal((id, true), (processed.GetProperty("id").GetGuid(), processed.GetProperty("processed").GetBoolean()));
        Assert.Equal(JsonValueKind.String, processed.GetProperty("processedAt").ValueKind);
        Assert.True(seen.GetProperty("processed").GetBoolean());
        Assert.Equal(processed.GetProperty("processedAt").GetDateTimeOffset(), seen.GetProperty("processedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.False(unprocessed.GetProperty("processed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, unprocessed.GetProperty("processedAt").ValueKind);
        Assert.False(seenAgain.GetProperty("processed").GetBoolean());
        Assert.Equal("queued", seenAgain.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["processed"], await FieldsAsync(missing));
    }

    [Fact]
    public async Task Bulk_processing_marks_every_request_across_venues_or_none_when_any_id_is_not_the_organisations()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var bar = await OpenVenueAsync(owner);
        var lounge = await OpenVenueAsync(owner);
        var barGuest = await ApiUser.GuestTokenAsync(app.Client, bar);
        var ours = new List<Guid>
        {
            await RequestSongAsync(bar, barGuest, "Zombie", "The Cranberries"),
            await RequestSongAsync(bar, barGuest, "Linger", "The Cranberries"),
            await RequestSongAsync(lounge, await ApiUser.GuestTokenAsync(app.Client, lounge), "Dreams", "The Cranberries"),
        };
        var (stranger, _) = await ApiUser.RegisterOwnerAsync(app.Client, "stranger");
        var strangersVenue = await OpenVenueAsync(stranger);
        var theirs = await RequestSongAsync(strangersVenue, await ApiUser.GuestTokenAsync(app.Client, strangersVenue), "Salvation", "The Cranberries");

        using var withForeign = await owner.SendAsync(HttpMethod.Post, $"{Requests}/bulk/process", new { requestIds = ours.Append(theirs).ToList(), processed = true });
        using var withUnknown = await owner.SendAsync(HttpMethod.Post, $"{Requests}/bulk/process", new { requestIds = ours.Append(Guid.NewGuid()).ToList(), processed = true });
        var afterRefusals = await StatesAsync(owner, ours);
        var theirsAfter = await stranger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/{theirs}");
        using var tooMany = await owner.SendAsync(HttpMethod.Post, $"{Requests}/bulk/process",
            new { requestIds = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()).ToList(), processed = true });
        using var duplicates = await owner.SendAsync(HttpMethod.Post, $"{Requests}/bulk/process", new { requestIds = new[] { ours[0], ours[0] }, processed = true });
        using var empty = await owner.SendAsync(HttpMethod.Post, $"{Requests}/bulk/process", new { requestIds = Array.Empty<Guid>() });

        var done = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Requests}/bulk/process", new { requestIds = ours, processed = true });
        var afterDone = await StatesAsync(owner, ours);
        var undone = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Requests}/bulk/process", new { requestIds = ours.Take(2).ToList(), processed = false });
        var afterUndone = await StatesAsync(owner, ours);

        Assert.Equal(HttpStatusCode.BadRequest, withForeign.StatusCode);
        var refusal = await EnvelopeJson.ErrorOfAsync(withForeign);
        Assert.Equal("VALIDATION_ERROR", refusal.GetProperty("code").GetString());
        Assert.Equal("requestIds", refusal.GetProperty("details")[0].GetProperty("field").GetString());
        Assert.Contains(theirs.ToString(), refusal.GetProperty("details")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withUnknown.StatusCode);
        Assert.Equal([false, false, false], afterRefusals);
        Assert.False(theirsAfter.GetProperty("processed").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(["requestIds"], await FieldsAsync(tooMany));
        Assert.Equal(HttpStatusCode.BadRequest, duplicates.StatusCode);
        Assert.Equal(["requestIds"], await FieldsAsync(duplicates));
        Assert.Equal(["processed", "requestIds"], await FieldsAsync(empty));
        Assert.Equal(3, done.GetProperty("updated").GetInt32());
        Assert.Equal([true, true, true], afterDone);
        Assert.Equal(2, undone.GetProperty("updated").GetInt32());
        Assert.Equal([false, false, true], afterUndone);
    }

    [Fact]
    public async Task Deleting_a_request_takes_it_off_the_lists_and_the_queue_but_not_while_it_plays()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await OpenVenueAsync(owner);
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var playing = await RequestSongAsync(slug, guest, "Take On Me", "a-ha");
        var waiting = await RequestSongAsync(slug, guest, "The Sun Always Shines on TV", "a-ha");
        var (player, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        await VenueActions.ReportAsync(app.Client, player, slug, "playing", playing);

        var deleted = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"{Requests}/{waiting}");
        using var again = await owner.SendAsync(HttpMethod.Delete, $"{Requests}/{waiting}");
        using var gone = await owner.SendAsync(HttpMethod.Get, $"{Requests}/{waiting}");
        using var whilePlaying = await owner.SendAsync(HttpMethod.Delete, $"{Requests}/{playing}");
        var refusal = await EnvelopeJson.ErrorOfAsync(whilePlaying);
        var listed = await ListAsync(owner, $"venueId={slug}");
        var stats = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/stats?venueId={slug}");
        var queue = await VenueActions.QueueAsync(app.Client, guest, slug);

        Assert.Equal(waiting, deleted.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, whilePlaying.StatusCode);
        Assert.Equal("REQUEST_PLAYING", refusal.GetProperty("code").GetString());
        Assert.Equal([playing], Ids(listed));
        Assert.Equal(1, stats.GetProperty("total").GetInt64());
        Assert.Empty(queue.GetProperty("items").EnumerateArray());
        Assert.Equal(playing, queue.GetProperty("nowPlaying").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Clearing_by_filter_deletes_finished_requests_keeps_and_counts_waiting_ones_and_never_touches_other_venues_unasked()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var bar = await OpenVenueAsync(owner);
        var lounge = await OpenVenueAsync(owner);
        var guest = await ApiUser.GuestTokenAsync(app.Client, bar);
        var skipped = await RequestSongAsync(bar, guest, "Karma Chameleon", "Culture Club");
        var removed = await RequestSongAsync(bar, guest, "Do You Really Want to Hurt Me", "Culture Club");
        var queued = await RequestSongAsync(bar, guest, "Church of the Poison Mind", "Culture Club");
        var loungeSkipped = await RequestSongAsync(lounge, await ApiUser.GuestTokenAsync(app.Client, lounge), "Time", "Culture Club");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{bar}/queue/{skipped}", new { status = "skipped" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{bar}/queue/{removed}", new { status = "removed" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{lounge}/queue/{loungeSkipped}", new { status = "skipped" });

        var onlySkipped = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"{Requests}?venueId={bar}&status=skipped");
        var afterFirst = await ListAsync(owner, "");
        var rest = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"{Requests}?venueId={bar}");
        var afterRest = await ListAsync(owner, "");
        using var withSearch = await owner.SendAsync(HttpMethod.Delete, $"{Requests}?search=club");
        using var badStatus = await owner.SendAsync(HttpMethod.Delete, $"{Requests}?status=gone");
        var everywhere = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, Requests);
        var afterAll = await ListAsync(owner, "");

        Assert.Equal((1, 0), Cleared(onlySkipped));
        Assert.Equal([loungeSkipped, queued, removed], Ids(afterFirst));
        Assert.Equal((1, 1), Cleared(rest));
        Assert.Equal([loungeSkipped, queued], Ids(afterRest));
        Assert.Equal(HttpStatusCode.BadRequest, withSearch.StatusCode);
        Assert.Equal(["search"], await FieldsAsync(withSearch));
        Assert.Equal(["status"], await FieldsAsync(badStatus));
        Assert.Equal((1, 1), Cleared(everywhere));
        Assert.Equal([queued], Ids(afterAll));
        Assert.Equal("queued", (await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/{queued}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_retired_venues_requests_leave_the_lists_and_counts()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var kept = await OpenVenueAsync(owner);
        var retired = await OpenVenueAsync(owner);
        var keptRequest = await RequestSongAsync(kept, await ApiUser.GuestTokenAsync(app.Client, kept), "Vogue", "Madonna");
        var retiredRequest = await RequestSongAsync(retired, await ApiUser.GuestTokenAsync(app.Client, retired), "Holiday", "Madonna");

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/venues/{retired}");
        var listed = await ListAsync(owner, "");
        var stats = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/stats");
        using var one = await owner.SendAsync(HttpMethod.Get, $"{Requests}/{retiredRequest}");

        Assert.Equal([keptRequest], Ids(listed));
        Assert.Equal(1, stats.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
    }

    [Fact]
    public async Task Staff_read_and_process_requests_and_callers_without_the_organisation_are_refused()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await OpenVenueAsync(owner);
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");
        var guest = await ApiUser.GuestTokenAsync(app.Client, slug);
        var id = await RequestSongAsync(slug, guest, "Jolene", "Dolly Parton");
        var singer = await ApiUser.RegisterAsync(app.Client, "singer");

        var staffList = await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Requests);
        var staffProcessed = await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"{Requests}/{id}/process", new { processed = true });
        var refused = new List<(string Who, string What, HttpStatusCode Status, string? Code)>();
        foreach (var (who, token) in new[] { ("singer", singer.Token), ("guest", guest) })
        {
            foreach (var (method, path, body) in new (HttpMethod, string, object?)[]
            {
                (HttpMethod.Get, Requests, null),
                (HttpMethod.Get, $"{Requests}/{id}", null),
                (HttpMethod.Patch, $"{Requests}/{id}/process", new { processed = false }),
                (HttpMethod.Post, $"{Requests}/bulk/process", new { requestIds = new[] { id }, processed = false }),
                (HttpMethod.Delete, $"{Requests}/{id}", null),
                (HttpMethod.Delete, Requests, null),
            })
            {
                using var response = await ApiUser.SendAsync(app.Client, method, path, token, body);
                refused.Add((who, $"{method} {path}", response.StatusCode, (await EnvelopeJson.ErrorOfAsync(response)).GetProperty("code").GetString()));
            }
        }

        var after = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/{id}");

        Assert.Equal([id], Ids(staffList));
        Assert.True(staffProcessed.GetProperty("processed").GetBoolean());
        Assert.All(refused, r => Assert.True(r.Status == HttpStatusCode.Forbidden, $"{r.Who} {r.What}: {r.Status} {r.Code}"));
        Assert.True(after.GetProperty("processed").GetBoolean());
        Assert.Equal("queued", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_organisations_requests_are_neither_listed_counted_nor_changed()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await OpenVenueAsync(owner);
        var theirs = await RequestSongAsync(slug, await ApiUser.GuestTokenAsync(app.Client, slug), "Africa", "Toto");
        var (stranger, _) = await ApiUser.RegisterOwnerAsync(app.Client, "stranger");
        var strangersVenue = await OpenVenueAsync(stranger);
        var mine = await RequestSongAsync(strangersVenue, await ApiUser.GuestTokenAsync(app.Client, strangersVenue), "Rosanna", "Toto");

        var list = await ListAsync(stranger, "search=toto");
        var stats = await stranger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/stats");
        var recent = await stranger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/recent");
        using var processForeign = await stranger.SendAsync(HttpMethod.Patch, $"{Requests}/{theirs}/process", new { processed = true });
        using var deleteForeign = await stranger.SendAsync(HttpMethod.Delete, $"{Requests}/{theirs}");
        var cleared = await stranger.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, Requests);
        var untouched = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/{theirs}");

        Assert.Equal([mine], Ids(list));
        Assert.Equal(1, stats.GetProperty("total").GetInt64());
        Assert.Equal([mine], recent.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList());
        Assert.Equal(HttpStatusCode.NotFound, processForeign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleteForeign.StatusCode);
        Assert.Equal((0, 1), Cleared(cleared));
        Assert.Equal((false, "queued"), (untouched.GetProperty("processed").GetBoolean(), untouched.GetProperty("status").GetString()));
    }

    /// <summary>A venue of the host's organisation that takes many requests from one patron, in <paramref name="timezone"/>.</summary>
    [Fact]
    public async Task Bulk_processing_is_per_venue_a_venue_whose_request_was_deleted_meanwhile_is_left_as_it_was_and_the_others_are_marked()
    {
        var refusal = new MarkProcessedRefusedAt();
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var factory = new SingrApiFactory(database, configureServices: services => services.AddSingleton<IIncomingGrainCallFilter>(refusal));
        using var client = factory.CreateClient();
        var (owner, _) = await ApiUser.RegisterOwnerAsync(client);
        var bar = await OpenVenueAsync(owner);
        var lounge = await OpenVenueAsync(owner);
        var atBar = await RequestSongAsync(client, bar, await ApiUser.GuestTokenAsync(client, bar), "Zombie", "The Cranberries");
        var atLounge = await RequestSongAsync(client, lounge, await ApiUser.GuestTokenAsync(client, lounge), "Dreams", "The Cranberries");
        refusal.Venue = await database.ScalarAsync<Guid>("SELECT id FROM venues WHERE slug = $1", lounge);

        var reply = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Requests}/bulk/process", new { requestIds = new[] { atBar, atLounge }, processed = true });
        var states = await StatesAsync(owner, [atBar, atLounge]);

        Assert.Equal(1, reply.GetProperty("updated").GetInt32());
        Assert.Equal(
            [(bar, 1, (string?)null), (lounge, 0, "REQUEST_NOT_FOUND")],
            reply.GetProperty("venues").EnumerateArray()
                .Select(v => (v.GetProperty("venueId").GetString(), v.GetProperty("updated").GetInt32(), v.GetProperty("error").GetString()))
                .ToList());
        Assert.Equal([true, false], states);
    }

    private static async Task<string> OpenVenueAsync(ApiUser host, string? timezone = null)
    {
        var slug = await host.CreateVenueAsync();
        await VenueActions.AllowManyRequestsAsync(host, slug);
        if (timezone is not null)
        {
            await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}", new { timezone });
        }

        return slug;
    }

    private Task<Guid> RequestSongAsync(string slug, string token, string title, string artist) =>
        RequestSongAsync(app.Client, slug, token, title, artist);

    private static async Task<Guid> RequestSongAsync(HttpClient client, string slug, string token, string title, string artist)
    {
        using var response = await ApiUser.SendAsync(client, HttpMethod.Post, $"/v1/venues/{slug}/queue", token, new
        {
            kind = "jukebox",
            youtubeId = Guid.NewGuid().ToString("N")[..11],
            title,
            artist,
            duration = 200,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{title} at {slug}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await EnvelopeJson.DataOfAsync(response)).GetProperty("item").GetProperty("id").GetGuid();
    }

    private static Task<JsonElement> ListAsync(ApiUser host, string query) =>
        host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, query.Length == 0 ? Requests : $"{Requests}?{query}");

    private static async Task<List<bool>> StatesAsync(ApiUser host, IEnumerable<Guid> ids)
    {
        var states = new List<bool>();
        foreach (var id in ids)
        {
            states.Add((await host.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Requests}/{id}")).GetProperty("processed").GetBoolean());
        }

        return states;
    }

    private static async Task<List<string?>> FieldsAsync(HttpResponseMessage response) =>
        (await EnvelopeJson.ErrorOfAsync(response)).GetProperty("details").EnumerateArray()
            .Select(d => d.GetProperty("field").GetString()).Distinct().Order(StringComparer.Ordinal).ToList();

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private static long Total(JsonElement page) => page.GetProperty("pagination").GetProperty("total").GetInt64();

    private static (int Page, int Limit, long Total, int TotalPages) PageOf(JsonElement page)
    {
        var info = page.GetProperty("pagination");
        return (info.GetProperty("page").GetInt32(), info.GetProperty("limit").GetInt32(), info.GetProperty("total").GetInt64(), info.GetProperty("totalPages").GetInt32());
    }

    private static (long Total, long Pending, long Processed, long Today) Stats(JsonElement stats) => (
        stats.GetProperty("total").GetInt64(), stats.GetProperty("pending").GetInt64(),
        stats.GetProperty("processed").GetInt64(), stats.GetProperty("todayCount").GetInt64());

    private static (int Deleted, int StillWaiting) Cleared(JsonElement cleared) =>
        (cleared.GetProperty("deleted").GetInt32(), cleared.GetProperty("stillWaiting").GetInt32());

    private static DateTimeOffset NextLocalMidnight(DateTimeOffset now, string timezone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timezone);
        var tomorrow = TimeZoneInfo.ConvertTime(now, zone).Date.AddDays(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(tomorrow, zone), TimeSpan.Zero);
    }
}
