using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Singr.Api.Tests;

public sealed class SingerProfileTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task A_nickname_makes_the_user_a_singer_and_later_refreshed_tokens_say_so()
    {
        var email = ApiUser.UniqueEmail("patron");
        using var registered = await app.Client.PostAsJsonAsync("/v1/auth/register", new { email, password = "karaoke42", name = "Pat" });
        var session = await EnvelopeJson.DataOfAsync(registered);
        var token = session.GetProperty("accessToken").GetString();

        using var set = await ApiUser.SendAsync(app.Client, HttpMethod.Put, "/v1/auth/me/singer-profile", token, new { nickname = "  Mic Drop  " });
        var reply = await EnvelopeJson.DataOfAsync(set);
        using var refreshed = await app.Client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = session.GetProperty("refreshToken").GetString() });
        var refreshedToken = (await EnvelopeJson.DataOfAsync(refreshed)).GetProperty("accessToken").GetString();

        Assert.Equal("Mic Drop", reply.GetProperty("user").GetProperty("nickname").GetString());
        Assert.Contains("singer", Roles(reply.GetProperty("accessToken").GetString()));
        Assert.Contains("singer", Roles(refreshedToken));
        Assert.DoesNotContain("singer", Roles(token));
    }

    [Fact]
    public async Task A_singers_last_key_change_for_a_song_is_their_default_there_and_at_any_other_venue()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var firstVenue = await owner.CreateVenueAsync();
        var secondVenue = await owner.CreateVenueAsync();
        var singer = await ApiUser.RegisterAsync(app.Client, "singer");

        await singer.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{firstVenue}/queue",
            new { kind = "karaoke", artist = "Queen", title = "Bohemian Rhapsody", keyChange = -3 });
        var elsewhere = await singer.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{secondVenue}/queue",
            new { kind = "karaoke", artist = "queen", title = "bohemian  rhapsody" });
        var otherSong = await singer.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{secondVenue}/queue",
            new { kind = "karaoke", artist = "Queen", title = "Under Pressure" });

        Assert.Equal(-3, elsewhere.GetProperty("item").GetProperty("keyChange").GetInt32());
        Assert.Equal(0, otherSong.GetProperty("item").GetProperty("keyChange").GetInt32());
    }

    [Fact]
    public async Task A_key_change_is_remembered_with_the_request_that_used_it_and_a_refused_request_remembers_nothing()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var paidVenue = await owner.CreateVenueAsync();
        await owner.SetSettingsAsync(paidVenue, new { mode = "PAID" });
        var freeVenue = await owner.CreateVenueAsync();
        var otherFreeVenue = await owner.CreateVenueAsync();
        var singer = await ApiUser.RegisterAsync(app.Client, "singer");

        using var unpaid = await singer.SendAsync(HttpMethod.Post, $"/v1/venues/{paidVenue}/queue",
            new { kind = "karaoke", artist = "Queen", title = "Somebody To Love", keyChange = 4 });
        var afterRefusal = await singer.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{freeVenue}/queue",
            new { kind = "karaoke", artist = "Queen", title = "Somebody To Love" });
        await singer.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{freeVenue}/queue",
            new { kind = "karaoke", artist = "Queen", title = "Radio Ga Ga", keyChange = 2 });
        var remembered = await singer.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{otherFreeVenue}/queue",
            new { kind = "karaoke", artist = "Queen", title = "Radio Ga Ga" });

        Assert.Equal(HttpStatusCode.PaymentRequired, unpaid.StatusCode);
        Assert.Equal(0, afterRefusal.GetProperty("item").GetProperty("keyChange").GetInt32());
        Assert.Equal(2, remembered.GetProperty("item").GetProperty("keyChange").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a nickname far longer than forty characters!!")]
    public async Task A_blank_or_overlong_nickname_is_refused_by_field(string nickname)
    {
        var user = await ApiUser.RegisterAsync(app.Client, "patron");

        using var response = await user.SendAsync(HttpMethod.Put, "/v1/auth/me/singer-profile", new { nickname });
        var error = await EnvelopeJson.ErrorOfAsync(response);
        using var me = await user.SendAsync(HttpMethod.Get, "/v1/auth/me");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nickname", error.GetProperty("details")[0].GetProperty("field").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await EnvelopeJson.DataOfAsync(me)).GetProperty("nickname").ValueKind);
    }

    private static List<string> Roles(string? token) =>
        [.. new JsonWebToken(token).Claims.Where(c => c.Type == "role").Select(c => c.Value)];
}
