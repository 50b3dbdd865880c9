using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Singr.Api.Seeding;
using Singr.Testing;

namespace Singr.Api.Tests;

public sealed class GuestSessionTests : DatabaseTest
{
    [Fact]
    public async Task A_device_gets_a_24_hour_token_for_that_one_venue_and_the_same_guest_when_it_renews_with_its_key()
    {
        await using var factory = new SingrApiFactory(Database, seedDemo: true);
        using var client = factory.CreateClient();

        using var first = await client.PostAsJsonAsync("/v1/auth/guest", new { venueId = "demo-venue", deviceId = "kiosk-0042" });
        var session = await EnvelopeJson.DataOfAsync(first);
        var deviceKey = session.GetProperty("deviceKey").GetString();
        using var renewed = await client.PostAsJsonAsync("/v1/auth/guest", new { venueId = "Demo-Venue", deviceId = "kiosk-0042", deviceKey });
        using var otherDevice = await client.PostAsJsonAsync("/v1/auth/guest", new { venueId = "demo-venue", deviceId = "phone-of-bob" });
        var token = new JsonWebToken(session.GetProperty("accessToken").GetString());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("demo-venue", session.GetProperty("venueId").GetString());
        Assert.Equal("guest", token.GetClaim("role").Value);
        Assert.Equal(DemoSeeder.DemoVenueId.ToString("D"), token.GetClaim("venue_id").Value);
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
        Assert.Equal(session.GetProperty("guestId").GetString(), (await EnvelopeJson.DataOfAsync(renewed)).GetProperty("guestId").GetString());
        Assert.Equal(deviceKey, (await EnvelopeJson.DataOfAsync(renewed)).GetProperty("deviceKey").GetString());
        Assert.NotEqual(session.GetProperty("guestId").GetString(), (await EnvelopeJson.DataOfAsync(otherDevice)).GetProperty("guestId").GetString());
    }

    [Fact]
    public async Task Knowing_a_kiosks_device_id_but_not_its_key_makes_a_new_guest_and_a_made_up_key_is_refused()
    {
        await using var factory = new SingrApiFactory(Database, seedDemo: true);
        using var client = factory.CreateClient();
        using var kiosk = await client.PostAsJsonAsync("/v1/auth/guest", new { venueId = "demo-venue", deviceId = "kiosk-by-the-bar" });
        var kioskSession = await EnvelopeJson.DataOfAsync(kiosk);

        using var stranger = await client.PostAsJsonAsync("/v1/auth/guest", new { venueId = "demo-venue", deviceId = "kiosk-by-the-bar" });
        using var forgedKey = await client.PostAsJsonAsync("/v1/auth/guest", new { venueId = "demo-venue", deviceId = "kiosk-by-the-bar", deviceKey = "not-a-key" });
        var strangerSession = await EnvelopeJson.DataOfAsync(stranger);

        Assert.NotEqual(kioskSession.GetProperty("guestId").GetString(), strangerSession.GetProperty("guestId").GetString());
        Assert.NotEqual(kioskSession.GetProperty("deviceKey").GetString(), strangerSession.GetProperty("deviceKey").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, forgedKey.StatusCode);
        Assert.Equal("deviceKey", (await EnvelopeJson.ErrorOfAsync(forgedKey)).GetProperty("details")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_venue_is_404_and_a_bad_device_id_is_a_validation_error()
    {
        await using var factory = new SingrApiFactory(Database, seedDemo: true);
        using var client = factory.CreateClient();

        using var unknown = await client.PostAsJsonAsync("/v1/auth/guest", new { venueId = "no-such-bar", deviceId = "kiosk-0042" });
        using var shortDevice = await client.PostAsJsonAsync("/v1/auth/guest", new { venueId = "demo-venue", deviceId = "abc" });
        using var longDevice = await client.PostAsJsonAsync("/v1/auth/guest", new { venueId = "demo-venue", deviceId = new string('x', 65) });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("VENUE_NOT_FOUND", (await EnvelopeJson.ErrorOfAsync(unknown)).GetProperty("code").GetString());
        foreach (var response in new[] { shortDevice, longDevice })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var detail = Assert.Single((await EnvelopeJson.ErrorOfAsync(response)).GetProperty("details").EnumerateArray());
            Assert.Equal("deviceId", detail.GetProperty("field").GetString());
        }
    }
}
