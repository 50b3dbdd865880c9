using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Singr.Api.Tests.Owasp;

/// <summary>
/// OWASP API1:2023, broken object level authorisation: an id of someone else's resource in a route. Resources of another
/// organisation answer 404, never 403 or success: one table over every route that takes an id. Each row is also run
/// against the caller's own resource, which must not be 404, so a row can't pass by mistake. A patron's token is good
/// at the one venue it was issued for.
/// </summary>
public sealed class Api1ObjectLevelAuthorizationTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    /// <summary>Routes with ids that are deliberately not scoped to an organisation.</summary>
    private static readonly HashSet<string> NotTenantScoped =
    [
        "GET /v1/venues/{venueId}", // the public venue page
        "GET /v1/venues/{venueId}/me", // what the caller may do there, whoever they are
        "PUT /v1/admin/users/{userId}/platform-role", // platform staff, across organisations
        "POST /v1/admin/users/{userId}/credits",
        "POST /v1/admin/purchases/{sessionId}/refund",
        "POST /v1/admin/messages/{id:guid}/retry",
        "GET /v1/venues/{venueId}/queue", // anyone at the venue: patrons of every organisation
        "POST /v1/venues/{venueId}/queue",
        "GET /v1/venues/{venueId}/songs/search", // anyone at the venue, like the queue
        "GET /v1/venues/{venueId}/requests/mine", // the caller's own requests: the token names whose
        "POST /v1/venues/{venueId}/player/state", // the venue's own player, checked by its credential
        "POST /v1/venues/{venueId}/player/queue-snapshot",
    ];

    private static readonly Route[] Routes =
    [
        new("PATCH /v1/venues/{venueId}", t => $"/v1/venues/{t.Venue}", _ => new { name = "Renamed" }),
        new("POST /v1/venues/{venueId}/players/pairing-codes", t => $"/v1/venues/{t.Venue}/players/pairing-codes", _ => null),
        new("GET /v1/venues/{venueId}/players", t => $"/v1/venues/{t.Venue}/players", _ => null),
        new("POST /v1/venues/{venueId}/player/lease", t => $"/v1/venues/{t.Venue}/player/lease", t => new { playerId = t.PlayerId }),
        new("DELETE /v1/venues/{venueId}/players/{playerId}", t => $"/v1/venues/{t.Venue}/players/{t.PlayerId}", _ => null),
        new("PATCH /v1/customer/members/{userId}", t => $"/v1/customer/members/{t.MemberId}", _ => new { role = "customer_manager" }),
        new("DELETE /v1/customer/members/{userId}", t => $"/v1/customer/members/{t.MemberId}", _ => null),
        new("DELETE /v1/customer/invitations/{invitationId}", t => $"/v1/customer/invitations/{t.InvitationId}", _ => null),
        new("POST /v1/auth/switch-customer", _ => "/v1/auth/switch-customer", t => new { customerId = t.CustomerId }),
        new("GET /v1/customer/audit?venueId", t => $"/v1/customer/audit?venueId={t.Venue}", _ => null),
        new("GET /v1/customer/requests/top?venueId", t => $"/v1/customer/requests/top?venueId={t.Venue}", _ => null),
        new("GET /v1/venues/{venueId}/settings", t => $"/v1/venues/{t.Venue}/settings", _ => null),
        new("PATCH /v1/venues/{venueId}/settings", t => $"/v1/venues/{t.Venue}/settings", _ => new { queueLimit = 50 }),
        new("POST /v1/venues/{venueId}/queue/reorder", t => $"/v1/venues/{t.Venue}/queue/reorder", t => new { id = t.QueueItemId, position = 1 }),
        new("PATCH /v1/venues/{venueId}/queue/{id}", t => $"/v1/venues/{t.Venue}/queue/{t.QueueItemId}", _ => new { position = 1 }),
        new("POST /v1/venues/{venueId}/queue/{id}/play-next", t => $"/v1/venues/{t.Venue}/queue/{t.QueueItemId}/play-next", _ => null),
        new("GET /v1/venues/{venueId}/quota", t => $"/v1/venues/{t.Venue}/quota", _ => null),
        new("PUT /v1/venues/{venueId}/quota", t => $"/v1/venues/{t.Venue}/quota", _ => new { tiers = new[] { new { name = "regular", requestsAllowed = 5, period = "NIGHT" } }, defaultTier = "regular" }),
        new("PUT /v1/venues/{venueId}/quota/patrons/{userId}", t => $"/v1/venues/{t.Venue}/quota/patrons/{t.MemberId}", _ => new { tier = "regular" }),
        new("DELETE /v1/venues/{venueId}/quota/patrons/{userId}", t => $"/v1/venues/{t.Venue}/quota/patrons/{t.MemberId}", _ => null),
        new("POST /v1/customer/requests/{id}/accept", t => $"/v1/customer/requests/{t.AwaitingApprovalId}/accept", _ => null),
        new("POST /v1/customer/requests/{id}/respond", t => $"/v1/customer/requests/{t.AwaitingApprovalId}/respond", _ => new { status = "approved", message = "Sure" }),
        new("POST /v1/venues/{venueId}/requests/{id}/reply", t => $"/v1/venues/{t.Venue}/requests/{t.AwaitingApprovalId}/reply", _ => new { message = "Thanks" }),
        new("POST /v1/customer/requests/{id}/fulfill", t => $"/v1/customer/requests/{t.AwaitingApprovalId}/fulfill", _ => null),
        new("GET /v1/venues/{venueId}/player", t => $"/v1/venues/{t.Venue}/player", _ => null),
        new("POST /v1/venues/{venueId}/player/commands", t => $"/v1/venues/{t.Venue}/player/commands", _ => new { command = "pause" }),
        new("POST /v1/venues/{venueId}/credits", t => $"/v1/venues/{t.Venue}/credits", t => new { userId = t.MemberId, amount = 1, type = "ADDED", reason = "test" }),
        new("POST /v1/venues/{venueId}/close", t => $"/v1/venues/{t.Venue}/close", _ => null),
        new("GET /v1/customer/requests?venueId", t => $"/v1/customer/requests?venueId={t.Venue}", _ => null),
        new("GET /v1/customer/requests/stats?venueId", t => $"/v1/customer/requests/stats?venueId={t.Venue}", _ => null),
        new("GET /v1/customer/requests/recent?venueId", t => $"/v1/customer/requests/recent?venueId={t.Venue}", _ => null),
        new("GET /v1/customer/requests/{id}", t => $"/v1/customer/requests/{t.QueueItemId}", _ => null),
        new("PATCH /v1/customer/requests/{id}/process", t => $"/v1/customer/requests/{t.QueueItemId}/process", _ => new { processed = true }),
        new("DELETE /v1/customer/requests/{id}", t => $"/v1/customer/requests/{t.QueueItemId}", _ => null),
        new("DELETE /v1/customer/requests?venueId", t => $"/v1/customer/requests?venueId={t.Venue}", _ => null),
        new("POST /v1/venues/{venueId}/songbook", t => $"/v1/venues/{t.Venue}/songbook", _ => new StringContent("artist,title\nABBA,SOS\n")),
        new("POST /v1/users/me/notifications/{id}/read", t => $"/v1/users/me/notifications/{t.NotificationId}/read", _ => null),
        new("DELETE /v1/venues/{venueId}", t => $"/v1/venues/{t.Venue}", _ => null),
    ];

    [Fact]
    public async Task A_member_of_one_organisation_gets_404_for_every_resource_of_another_and_nothing_changes()
    {
        var a = await TenantAsync("a");
        var b = await TenantAsync("b");

        foreach (var route in Routes)
        {
            using var foreign = await a.Owner.SendAsync(route.Method, route.Path(b), route.Body(b));
            Assert.True(HttpStatusCode.NotFound == foreign.StatusCode, $"{route.Name} on another organisation's resource: {foreign.StatusCode}");
            await EnvelopeJson.ErrorOfAsync(foreign);

            using var own = await a.Owner.SendAsync(route.Method, route.Path(a), route.Body(a));
            Assert.True(own.IsSuccessStatusCode, $"{route.Name} on the caller's own resource: {own.StatusCode} {await own.Content.ReadAsStringAsync()}");
        }

        var bVenues = await b.Owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/venues");
        var bMembers = await b.Owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/members");
        var bPlayers = await b.Owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{b.Venue}/players");
        var bInvitations = await b.Owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/invitations");
        var bRequest = await b.Owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/customer/requests/{b.QueueItemId}");
        Assert.Equal("Venue b", bVenues.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(2, bMembers.GetArrayLength());
        Assert.Equal("customer_staff", bMembers[1].GetProperty("role").GetString());
        Assert.True(bPlayers[0].GetProperty("active").GetBoolean());
        Assert.Equal(1, bInvitations.GetArrayLength());
        Assert.Equal((false, "queued"), (bRequest.GetProperty("processed").GetBoolean(), bRequest.GetProperty("status").GetString()));
    }

    [Fact]
    public void The_table_covers_every_route_that_takes_an_id()
    {
        var withIds = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1", StringComparison.Ordinal) == true && e.RoutePattern.Parameters.Count > 0)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToHashSet();

        var covered = Routes.Select(r => r.Name).Concat(NotTenantScoped).ToHashSet();
        Assert.Empty(withIds.Except(covered));
    }

    [Fact]
    public async Task A_guests_token_from_one_venue_can_neither_read_nor_request_at_another_venue()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var home = await owner.CreateVenueAsync(name: "Home");
        var elsewhere = await owner.CreateVenueAsync(name: "Elsewhere");
        var guest = await ApiUser.GuestTokenAsync(app.Client, home);

        using var read = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/venues/{elsewhere}/queue", guest);
        using var request = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{elsewhere}/queue", guest, ApiUser.Song("Not Here"));
        using var atHome = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{home}/queue", guest, ApiUser.Song("Here"));
        var elsewhereQueue = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{elsewhere}/queue");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Created), (read.StatusCode, request.StatusCode, atHome.StatusCode));
        Assert.Equal("VENUE_MISMATCH", (await EnvelopeJson.ErrorOfAsync(request)).GetProperty("code").GetString());
        Assert.Equal(0, elsewhereQueue.GetProperty("items").GetArrayLength());
    }

    private async Task<Tenant> TenantAsync(string name)
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client, name);
        var venue = await owner.CreateVenueAsync(name: $"Venue {name}");
        var staff = await ApiUser.RegisterAsync(app.Client, $"{name}-staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");
        var invitation = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/customer/invitations",
            new { email = ApiUser.UniqueEmail(), role = "customer_staff" });
        var code = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{venue}/players/pairing-codes");
        using var paired = await app.Client.PostAsync(
            new Uri("/v1/players/pair", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { code = code.GetProperty("code").GetString(), deviceId = $"{name}-player-01" }));
        var player = await EnvelopeJson.DataOfAsync(paired);
        var guest = await ApiUser.GuestTokenAsync(app.Client, venue);
        using var queued = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{venue}/queue", guest, ApiUser.Song());
        var item = (await EnvelopeJson.DataOfAsync(queued)).GetProperty("item").GetProperty("id").GetGuid();

        // From here the venue approves requests: the owner's own request (as a patron) waits for a host's answer.
        await owner.SetSettingsAsync(venue, new { approvalRequired = true });
        var awaiting = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{venue}/queue", ApiUser.Song());
        // The staff member approves another of the owner's requests: the owner has a notification of it.
        var answered = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{venue}/queue", ApiUser.Song());
        await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"/v1/customer/requests/{answered.GetProperty("item").GetProperty("id").GetGuid()}/respond", new { status = "approved" });
        var inbox = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/notifications");
        return new Tenant(
            owner,
            customerId,
            venue,
            staff.UserId,
            invitation.GetProperty("invitation").GetProperty("invitationId").GetGuid(),
            player.GetProperty("playerId").GetGuid(),
            item,
            awaiting.GetProperty("item").GetProperty("id").GetGuid(),
            inbox.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    private sealed record Tenant(ApiUser Owner, Guid CustomerId, string Venue, Guid MemberId, Guid InvitationId, Guid PlayerId, Guid QueueItemId, Guid AwaitingApprovalId, Guid NotificationId);

    private sealed record Route(string Name, Func<Tenant, string> Path, Func<Tenant, object?> Body)
    {
        public HttpMethod Method => new(Name[..Name.IndexOf(' ', StringComparison.Ordinal)]);
    }
}
