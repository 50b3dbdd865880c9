using System.Net;

namespace Singr.Api.Tests;

/// <summary>What the venue's player screen shows and how it plays: set by hosts a field at a time, sent to every screen.</summary>
public sealed class ScreenSettingsTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task A_venue_starts_with_the_seeds_screen_defaults_and_a_host_changes_one_field_at_a_time()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();

        var fresh = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/settings");
        await owner.SetSettingsAsync(slug, new { display = new { scrollingMessage = "Happy hour until nine", upNextCount = 5 }, player = new { volume = 40 } });
        var changed = await owner.SetSettingsAsync(slug, new { display = new { theme = "light" } });
        var room = await VenueActions.QueueAsync(app.Client, await ApiUser.GuestTokenAsync(app.Client, slug), slug);

        Assert.Equal((true, "footer", true, 3, "", "dark", "medium"), Display(fresh));
        Assert.Equal((75, true, false, "none", "hd720", 3), Player(fresh));
        Assert.Equal((true, "footer", true, 5, "Happy hour until nine", "light", "medium"), Display(changed));
        Assert.Equal(40, changed.GetProperty("player").GetProperty("volume").GetInt32());
        Assert.Equal("Happy hour until nine", room.GetProperty("display").GetProperty("scrollingMessage").GetString());
        Assert.Equal(40, room.GetProperty("player").GetProperty("volume").GetInt32());
    }

    [Fact]
    public async Task Screen_settings_out_of_range_are_each_refused_by_field_and_change_nothing()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();

        using var refused = await owner.SendAsync(HttpMethod.Patch, $"/v1/venues/{slug}/settings", new
        {
            display = new { nowPlayingPosition = "ceiling", upNextCount = 0, theme = "neon", fontSize = "huge", scrollingMessage = new string('x', 201) },
            player = new { volume = 101, repeat = "forever", videoQuality = "8k", crossfadeSeconds = 11 },
        });
        var fields = (await EnvelopeJson.ErrorOfAsync(refused)).GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).Order();
        var after = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}/settings");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(
            ["display.fontSize", "display.nowPlayingPosition", "display.scrollingMessage", "display.theme", "display.upNextCount",
             "player.crossfadeSeconds", "player.repeat", "player.videoQuality", "player.volume"],
            fields);
        Assert.Equal((true, "footer", true, 3, "", "dark", "medium"), Display(after));
    }

    private static (bool, string?, bool, int, string?, string?, string?) Display(System.Text.Json.JsonElement settings)
    {
        var d = settings.GetProperty("display");
        return (d.GetProperty("showNowPlaying").GetBoolean(), d.GetProperty("nowPlayingPosition").GetString(), d.GetProperty("showUpNext").GetBoolean(),
            d.GetProperty("upNextCount").GetInt32(), d.GetProperty("scrollingMessage").GetString(), d.GetProperty("theme").GetString(), d.GetProperty("fontSize").GetString());
    }

    private static (int, bool, bool, string?, string?, int) Player(System.Text.Json.JsonElement settings)
    {
        var p = settings.GetProperty("player");
        return (p.GetProperty("volume").GetInt32(), p.GetProperty("autoplay").GetBoolean(), p.GetProperty("shuffle").GetBoolean(),
            p.GetProperty("repeat").GetString(), p.GetProperty("videoQuality").GetString(), p.GetProperty("crossfadeSeconds").GetInt32());
    }
}
