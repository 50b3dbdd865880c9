using System.Net;
using System.Text.Json;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>
/// The customer room (<c>/hubs/customer</c>): a host dashboard hears every request made at any venue of its
/// organisation, and the owner can see how many dashboards and devices are connected.
/// </summary>
public sealed class CustomerHubTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_dashboard_is_told_on_connecting_how_many_venues_its_organisation_has()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        await owner.CreateVenueAsync();
        await owner.CreateVenueAsync();
        await owner.CreateVenueAsync();

        await using var dashboard = await HubConnections.ConnectAsync(app.Factory, HubConnections.CustomerHub, owner.Token);
        var connected = await dashboard.WaitForAsync("connected");

        Assert.Equal(3, connected.Payload.GetProperty("venueCount").GetInt32());
        Assert.False(string.IsNullOrEmpty(connected.Payload.GetProperty("clientId").GetString()));
    }

    [Fact]
    public async Task A_dashboard_that_asks_again_gets_every_venues_counts_as_they_are_now()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var bar = await owner.CreateVenueAsync(name: "The Bar");
        var lounge = await owner.CreateVenueAsync(name: "The Lounge");
        await owner.SetSettingsAsync(lounge, new { approvalRequired = true });
        await using var dashboard = await HubConnections.ConnectAsync(app.Factory, HubConnections.CustomerHub, owner.Token);
        await dashboard.WaitForAsync("connected");
        await VenueActions.RequestAsync(app.Client, await ApiUser.GuestTokenAsync(app.Client, bar), bar, "Queued Here");
        await VenueActions.RequestAsync(app.Client, await ApiUser.GuestTokenAsync(app.Client, lounge), lounge, "Awaiting There");
        await dashboard.WaitForAsync("pending_count_update", p => p.GetProperty("venueId").GetString() == lounge && p.GetProperty("awaitingApproval").GetInt32() == 1);
        var before = dashboard.Events.Count(e => e.Target == "pending_count_update");

        (await dashboard.InvokeAsync("RefreshPending")).Ok("asking for the counts again");
        await dashboard.UntilAsync(events => events.Count(e => e.Target == "pending_count_update") == before + 2, Wait, "both venues' counts again");
        var counts = dashboard.Events.Where(e => e.Target == "pending_count_update").Skip(before)
            .ToDictionary(e => e.Payload.GetProperty("venueId").GetString()!, e => (e.Payload.GetProperty("pendingCount").GetInt32(), e.Payload.GetProperty("awaitingApproval").GetInt32()));

        Assert.Equal((1, 0), counts[bar]);
        Assert.Equal((0, 1), counts[lounge]);
    }

    [Fact]
    public async Task A_dashboard_hears_each_venues_player_state()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (player, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        var song = await VenueActions.RequestAsync(app.Client, await ApiUser.GuestTokenAsync(app.Client, slug), slug, "On Stage");
        await using var dashboard = await HubConnections.ConnectAsync(app.Factory, HubConnections.CustomerHub, owner.Token);
        await dashboard.WaitForAsync("connected");

        await VenueActions.ReportAsync(app.Client, player, slug, "playing", song);
        var heard = await dashboard.WaitForAsync("playerStateUpdate", p => p.GetProperty("status").GetString() == "playing");

        Assert.Equal(slug, heard.Payload.GetProperty("venueId").GetString());
        Assert.Equal(song, heard.Payload.GetProperty("nowPlaying").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_guest_request_at_any_venue_of_the_organisation_appears_on_the_dashboard_and_its_skip_follows()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var bar = await owner.CreateVenueAsync(name: "The Bar");
        var lounge = await owner.CreateVenueAsync(name: "The Lounge");
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");
        await using var ownerDashboard = await HubConnections.ConnectAsync(app.Factory, HubConnections.CustomerHub, owner.Token);
        await using var staffDashboard = await HubConnections.ConnectAsync(app.Factory, HubConnections.CustomerHub, staff.Token);
        await ownerDashboard.WaitForAsync("connected");
        await staffDashboard.WaitForAsync("connected");

        var atBar = await VenueActions.RequestAsync(app.Client, await ApiUser.GuestTokenAsync(app.Client, bar), bar, "Bar Anthem");
        var atLounge = await VenueActions.RequestAsync(app.Client, await ApiUser.GuestTokenAsync(app.Client, lounge), lounge, "Lounge Ballad");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{lounge}/queue/{atLounge}", new { status = "skipped" });

        foreach (var dashboard in new[] { ownerDashboard, staffDashboard })
        {
            var barNew = (await dashboard.WaitForAsync("request:new", p => RequestId(p) == atBar)).Payload;
            var loungeNew = (await dashboard.WaitForAsync("request:new", p => RequestId(p) == atLounge)).Payload;
            var loungeSkipped = (await dashboard.WaitForAsync("request:update", p => RequestId(p) == atLounge && Status(p) == "skipped")).Payload;

            Assert.Equal(bar, barNew.GetProperty("venueId").GetString());
            Assert.Equal(bar, barNew.GetProperty("request").GetProperty("venueId").GetString());
            Assert.Equal("The Bar", barNew.GetProperty("request").GetProperty("venueName").GetString());
            Assert.Equal("Bar Anthem", barNew.GetProperty("request").GetProperty("title").GetString());
            Assert.Equal("The Testers", barNew.GetProperty("request").GetProperty("artist").GetString());
            Assert.NotEqual("skipped", Status(barNew));
            Assert.Equal("The Lounge", loungeNew.GetProperty("request").GetProperty("venueName").GetString());
            Assert.Equal("Lounge Ballad", loungeSkipped.GetProperty("request").GetProperty("title").GetString());
            Assert.True(loungeSkipped.GetProperty("seq").GetInt64() > loungeNew.GetProperty("seq").GetInt64());
            Assert.True(
                DateTimeOffset.UtcNow - barNew.GetProperty("request").GetProperty("requestedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(1),
                barNew.ToString());
        }

        Assert.DoesNotContain(ownerDashboard.Events, e => e.Target == "request:update" && RequestId(e.Payload) == atBar);
    }

    [Fact]
    public async Task An_account_without_an_organisation_is_turned_away()
    {
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");

        HubClient? dashboard = null;
        string? refusal;
        try
        {
            dashboard = await HubConnections.ConnectAsync(app.Factory, HubConnections.CustomerHub, patron.Token);
            refusal = await dashboard.Closed.WaitAsync(Wait);
        }
        catch (InvalidOperationException ex)
        {
            refusal = ex.Message;
        }
        finally
        {
            if (dashboard is not null)
            {
                await dashboard.DisposeAsync();
            }
        }

        Assert.False(string.IsNullOrEmpty(refusal), "the connection must end with a reason");
        Assert.DoesNotContain(dashboard?.Events ?? [], e => e.Target == "connected");
    }

    [Fact]
    public async Task The_owner_sees_how_many_connections_the_server_holds_and_how_many_are_dashboards()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var before = await StatsAsync(owner);

        var dashboards = new List<HubClient>();
        await using var kiosk = await HubConnections.ConnectAsync(app.Factory, HubConnections.VenueHub, await ApiUser.GuestTokenAsync(app.Client, slug));
        (await kiosk.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue");
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var dashboard = await HubConnections.ConnectAsync(app.Factory, HubConnections.CustomerHub, owner.Token);
                dashboards.Add(dashboard);
                await dashboard.WaitForAsync("connected");
            }

            var connected = await StatsAsync(owner);
            await dashboards[0].DisposeAsync();
            dashboards.RemoveAt(0);
            var oneLeft = await EventuallyStatsAsync(owner, s => s.Customer == before.Customer + 1, "one dashboard less");

            Assert.Equal((before.Total + 3, before.Customer + 2), connected);
            Assert.Equal(before.Total + 2, oneLeft.Total);
        }
        finally
        {
            foreach (var dashboard in dashboards)
            {
                await dashboard.DisposeAsync();
            }
        }

        var afterAll = await EventuallyStatsAsync(owner, s => s.Customer == before.Customer, "every dashboard gone");
        Assert.Equal(before.Total + 1, afterAll.Total);
    }

    private static async Task<(long Total, long Customer)> StatsAsync(ApiUser owner)
    {
        var stats = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/ws/stats");
        return (stats.GetProperty("totalConnections").GetInt64(), stats.GetProperty("customerConnections").GetInt64());
    }

    private static async Task<(long Total, long Customer)> EventuallyStatsAsync(ApiUser owner, Func<(long Total, long Customer), bool> condition, string what)
    {
        var last = (0L, 0L);
        try
        {
            await Eventually.TrueAsync(async () => condition(last = await StatsAsync(owner)), TimeSpan.FromSeconds(10), what);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Last stats: {last}.", ex);
        }

        return last;
    }

    private static Guid? RequestId(JsonElement payload) =>
        payload.TryGetProperty("request", out var request) && request.TryGetProperty("id", out var id) ? id.GetGuid() : null;

    private static string? Status(JsonElement payload) => payload.GetProperty("request").GetProperty("status").GetString();
}
