using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Singr.Api.Tests.Owasp;

/// <summary>
/// OWASP API3:2023, broken object property level authorisation: fields a caller may not set (mass assignment) and fields
/// a caller may not see (excessive data exposure).
/// </summary>
public sealed class Api3PropertyLevelAuthorizationTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task A_request_that_names_its_own_id_status_place_price_and_patron_is_taken_for_the_song_alone()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        await VenueActions.RequestAsync(app.Client, await ApiUser.GuestTokenAsync(app.Client, slug), slug, "Already Waiting");
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var claimedId = Guid.NewGuid();

        var accepted = await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", new
        {
            kind = "karaoke", artist = "ABBA", title = "Waterloo",
            id = claimedId, status = "playing", position = 1, creditsCost = -50, processed = true,
            submittedByUserId = owner.UserId, requestedBy = "The Host", requestedAt = "2000-01-01T00:00:00Z",
        });
        var item = accepted.GetProperty("item");
        var hostView = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/customer/requests/{item.GetProperty("id").GetGuid()}");

        Assert.NotEqual(claimedId, item.GetProperty("id").GetGuid());
        Assert.Equal(("queued", 2, 0), (item.GetProperty("status").GetString(), item.GetProperty("position").GetInt32(), item.GetProperty("creditsCost").GetInt32()));
        Assert.Equal("patron", item.GetProperty("requestedBy").GetString());
        Assert.True(item.GetProperty("requestedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(-1));
        Assert.Equal(patron.UserId, hostView.GetProperty("submittedByUserId").GetGuid());
        Assert.False(hostView.GetProperty("processed").GetBoolean());
    }

    [Fact]
    public async Task The_room_never_learns_who_a_patron_is_and_staff_never_see_their_email()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");
        var patron = await ApiUser.RegisterAsync(app.Client, "patron");
        var requested = await patron.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/queue", ApiUser.Song("Mine"));
        var id = requested.GetProperty("item").GetProperty("id").GetGuid();

        var room = await VenueActions.QueueAsync(app.Client, await ApiUser.GuestTokenAsync(app.Client, slug), slug);
        var staffView = await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/customer/requests/{id}");
        var ownerView = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/customer/requests/{id}");

        Assert.DoesNotContain(patron.UserId.ToString(), room.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(patron.Email, room.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(patron.Email, staffView.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(patron.Email, ownerView.GetProperty("singerEmail").GetString());
    }

    [Fact]
    public async Task Registering_with_a_platform_role_an_organisation_and_credits_in_the_body_grants_none_of_them()
    {
        var email = ApiUser.UniqueEmail("climber");
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        using var registered = await app.Client.PostAsJsonAsync("/v1/auth/register", new
        {
            email, password = "karaoke42", name = "Climber",
            platformRole = "admin", role = "customer_owner", activeCustomerId = customerId, credits = 1000, balance = 1000,
        });
        var token = (await EnvelopeJson.DataOfAsync(registered)).GetProperty("accessToken").GetString();

        using var me = await ApiUser.SendAsync(app.Client, HttpMethod.Get, "/v1/auth/me", token);
        using var credits = await ApiUser.SendAsync(app.Client, HttpMethod.Get, "/v1/users/me/credits", token);
        using var adminAudit = await ApiUser.SendAsync(app.Client, HttpMethod.Get, "/v1/admin/audit", token);
        using var theirVenues = await ApiUser.SendAsync(app.Client, HttpMethod.Get, "/v1/customer/venues", token);
        var profile = await EnvelopeJson.DataOfAsync(me);

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(JsonValueKind.Null, KindOf(profile, "platformRole"));
        Assert.Equal(JsonValueKind.Null, KindOf(profile, "activeCustomerId"));
        Assert.Equal(0, (await EnvelopeJson.DataOfAsync(credits)).GetProperty("balance").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, adminAudit.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, theirVenues.StatusCode);
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/venues");
    }

    private static JsonValueKind KindOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ValueKind : JsonValueKind.Null;
}
