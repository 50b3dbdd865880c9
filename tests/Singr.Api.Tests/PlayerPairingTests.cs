using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Singr.Api.Tests;

public sealed class PlayerPairingTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task A_device_pairs_with_a_code_once_and_gets_a_credential_for_that_venue_only()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var code = await IssueCodeAsync(owner, slug);

        using var paired = await PairAsync(code.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal), "player-screen-1");
        using var retried = await PairAsync(code, "player-screen-1");
        using var secondDevice = await PairAsync(code, "player-screen-2");
        var credential = await EnvelopeJson.DataOfAsync(paired);
        var token = credential.GetProperty("accessToken").GetString();
        using var me = await ApiUser.SendAsync(app.Client, HttpMethod.Get, "/v1/players/me", token);
        using var session = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/venues/{slug}/me", token);
        var players = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/players");

        Assert.Equal(HttpStatusCode.Created, paired.StatusCode);
        Assert.Equal(slug, credential.GetProperty("venueId").GetString());
        Assert.Equal("player", new JsonWebToken(token).GetClaim("role").Value);
        Assert.True(new JsonWebToken(token).ValidTo > DateTime.UtcNow.AddDays(365), "a player credential must not time out during a venue's life");
        Assert.Equal(credential.GetProperty("playerId").GetString(), (await EnvelopeJson.DataOfAsync(retried)).GetProperty("playerId").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, secondDevice.StatusCode);
        Assert.Equal("PAIRING_CODE_INVALID", (await EnvelopeJson.ErrorOfAsync(secondDevice)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("player", (await EnvelopeJson.DataOfAsync(session)).GetProperty("role").GetString());
        Assert.Equal(["player-screen-1"], players.EnumerateArray().Select(p => p.GetProperty("deviceId").GetString()).ToList());
    }

    [Fact]
    public async Task A_code_older_than_ten_minutes_pairs_nothing()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();

        // Issued "eleven minutes ago": the venue's clock runs behind while it issues the code.
        app.Clock.Offset = -TimeSpan.FromMinutes(11);
        string code;
        try
        {
            code = await IssueCodeAsync(owner, slug);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        using var late = await PairAsync(code, "player-screen-9");

        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        Assert.Equal("PAIRING_CODE_INVALID", (await EnvelopeJson.ErrorOfAsync(late)).GetProperty("code").GetString());
        Assert.Empty((await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/players")).EnumerateArray());
    }

    [Fact]
    public async Task A_revoked_player_is_refused_on_its_next_request()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        using var paired = await PairAsync(await IssueCodeAsync(owner, slug), "player-screen-3");
        var credential = await EnvelopeJson.DataOfAsync(paired);
        var token = credential.GetProperty("accessToken").GetString();

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/venues/{slug}/players/{credential.GetProperty("playerId").GetString()}");
        using var after = await ApiUser.SendAsync(app.Client, HttpMethod.Get, "/v1/players/me", token);
        var players = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/players");

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await EnvelopeJson.ErrorOfAsync(after)).GetProperty("code").GetString());
        Assert.False(Assert.Single(players.EnumerateArray()).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_player_token_is_refused_on_host_endpoints_and_at_other_venues()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var otherSlug = await owner.CreateVenueAsync();
        using var paired = await PairAsync(await IssueCodeAsync(owner, slug), "player-screen-4");
        var token = (await EnvelopeJson.DataOfAsync(paired)).GetProperty("accessToken").GetString();

        using var update = await ApiUser.SendAsync(app.Client, HttpMethod.Patch, $"/v1/venues/{slug}", token, new { name = "Player rules" });
        using var newCode = await ApiUser.SendAsync(app.Client, HttpMethod.Post, $"/v1/venues/{slug}/players/pairing-codes", token);
        using var members = await ApiUser.SendAsync(app.Client, HttpMethod.Get, "/v1/customer/members", token);
        using var otherVenue = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/venues/{otherSlug}/me", token);

        foreach (var refused in new[] { update, newCode, members, otherVenue })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal("VENUE_MISMATCH", (await EnvelopeJson.ErrorOfAsync(otherVenue)).GetProperty("code").GetString());
        Assert.Equal("ACCOUNT_REQUIRED", (await EnvelopeJson.ErrorOfAsync(update)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Managers_pair_players_staff_may_only_look_and_deleting_the_venue_revokes_its_players()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var manager = await ApiUser.RegisterAsync(app.Client, "manager");
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(manager, customerId, "customer_manager");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");

        var code = await IssueCodeAsync(manager, slug);
        using var staffCode = await staff.SendAsync(HttpMethod.Post, $"/v1/venues/{slug}/players/pairing-codes");
        using var paired = await PairAsync(code, "player-screen-5");
        var token = (await EnvelopeJson.DataOfAsync(paired)).GetProperty("accessToken").GetString();
        await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/players");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/venues/{slug}");
        using var afterDelete = await ApiUser.SendAsync(app.Client, HttpMethod.Get, "/v1/players/me", token);

        Assert.Equal(HttpStatusCode.Forbidden, staffCode.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDelete.StatusCode);
    }

    [Fact]
    public async Task A_malformed_code_or_device_id_is_a_validation_error()
    {
        using var response = await PairAsync("0O1I", "short");
        var error = await EnvelopeJson.ErrorOfAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["code", "deviceId"], error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList());
    }

    private static async Task<string> IssueCodeAsync(ApiUser host, string slug)
    {
        var issued = await host.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"/v1/venues/{slug}/players/pairing-codes");
        var code = issued.GetProperty("code").GetString()!;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        return code;
    }

    private Task<HttpResponseMessage> PairAsync(string code, string deviceId) =>
        app.Client.PostAsJsonAsync("/v1/players/pair", new { code, deviceId });
}
