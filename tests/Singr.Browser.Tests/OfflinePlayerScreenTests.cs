using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Singr.Testing;
using static Microsoft.Playwright.Assertions;

namespace Singr.Browser.Tests;

/// <summary>
/// The player screen loses its network mid-song (<c>SetOfflineAsync</c>): it plays on through its own copy of the
/// queue, a kiosk request made meanwhile still joins the venue's queue, a song added at the screen waits as
/// pending_local, and back online the venue's queue, history and ledger match what the screen played, each paid song
/// charged once (an ON_PLAY venue).
/// </summary>
public sealed class OfflinePlayerScreenTests() : DatabaseTest(migrate: false)
{
    /// <summary>Long enough for a song (8 s here) to play out on a busy machine; the default timeout is shared by every test.</summary>
    private const float SongsWithinMs = 30_000;

    private readonly BrowserPages _pages = new();

    [Fact]
    public async Task A_screen_that_loses_its_network_plays_on_and_back_online_the_venue_counts_and_charges_each_song_once()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var app = ApplicationProcess.Start(Database.ConnectionString, BrowserPages.Environment(seedDemo: true, testVideos: true));
        await app.WaitUntilReadyAsync(BrowserPages.StartWithin);
        using var owner = await BrowserPages.DemoOwnerAsync(app.BaseAddress);
        await SendAsync(owner, HttpMethod.Patch, $"/v1/venues/{BrowserPages.DemoVenue}/settings",
            new { mode = "HYBRID", priorityCost = 1, chargeAt = "ON_PLAY", maxPendingPerPatron = 10, noRepeatMinutes = 0 });
        using var patron = await PatronWithCreditsAsync(app.BaseAddress, owner, 10);
        var code = (await SendAsync(owner, HttpMethod.Post, $"/v1/venues/{BrowserPages.DemoVenue}/players/pairing-codes", null)).GetProperty("code").GetString()!;

        await using var room = await browser.NewContextAsync();
        await using var screenContext = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        var kiosk = await _pages.OpenAsync(room, "kiosk", new Uri(app.BaseAddress, $"/kiosk.html?venue={BrowserPages.DemoVenue}"));
        var screen = await _pages.OpenAsync(screenContext, "player", new Uri(app.BaseAddress, "/player.html?seconds=8"));
        SetDefaultExpectTimeout(BrowserPages.VisibleWithinMs * 2);

        try
        {
            await screen.GetByTestId("pairing-code").FillAsync(code);
            await screen.GetByTestId("pairing-submit").ClickAsync();
            await Expect(screen.GetByTestId("connection-status")).ToHaveTextAsync("Live");
            var first = await PaidRequestAsync(patron, "First Paid", "firstpaid01");
            var second = await PaidRequestAsync(patron, "Skipped Offline", "skipped0001");
            var third = await PaidRequestAsync(patron, "Taken Down", "unavailable");
            var fourth = await PaidRequestAsync(patron, "Played Offline", "playedoffl1");
            await Expect(screen.GetByTestId("now-playing-title")).ToHaveTextAsync("First Paid", new LocatorAssertionsToHaveTextOptions { Timeout = SongsWithinMs });
            await Eventually.TrueAsync(async () => (await NowPlayingAsync(owner)) == first, TimeSpan.FromSeconds(5), "the server hears the first song start");

            // The host pauses the screen while the room goes on, so the test's own pace cannot race the songs.
            await screenContext.SetOfflineAsync(true);
            await Expect(screen.GetByTestId("connection-status")).ToHaveTextAsync("Offline");
            await screen.Keyboard.PressAsync("h");
            await screen.Keyboard.PressAsync(" ");
            await Expect(screen.GetByTestId("host-panel-state")).ToContainTextAsync("paused");
            await BrowserPages.RequestAsync(kiosk, "Kay", "Toto", "Asked Meanwhile");
            await Expect(kiosk.GetByTestId("request-result")).ToContainTextAsync("Asked Meanwhile");
            await screen.GetByTestId("add-title").FillAsync("House Song");
            await screen.GetByTestId("add-artist").FillAsync("The House Band");
            await screen.GetByTestId("add-submit").ClickAsync();
            // The host's keys again, not the form's button.
            await screen.GetByTestId("add-submit").BlurAsync();
            await Expect(screen.GetByTestId("pending-added-item")).ToHaveTextAsync("House Song · waiting to sync");
            await Expect(screen.GetByTestId("now-playing-title")).ToHaveTextAsync("First Paid", new LocatorAssertionsToHaveTextOptions { Timeout = SongsWithinMs });

            // Offline it moves on by itself; the host skips the second song at the screen once it was heard (and
            // paused, again so that the test's pace cannot race it); the third cannot play.
            await screen.Keyboard.PressAsync(" ");
            await Expect(screen.GetByTestId("now-playing-title")).ToHaveTextAsync("Skipped Offline", new LocatorAssertionsToHaveTextOptions { Timeout = SongsWithinMs });
            await Expect(screen.GetByTestId("host-panel-state")).ToContainTextAsync("playing");
            await screen.Keyboard.PressAsync(" ");
            await Expect(screen.GetByTestId("host-panel-state")).ToContainTextAsync("paused");
            await screen.Keyboard.PressAsync("n");
            await Expect(screen.GetByTestId("now-playing-title")).ToHaveTextAsync("Played Offline", new LocatorAssertionsToHaveTextOptions { Timeout = SongsWithinMs });
            await Expect(screen.GetByTestId("idle-message")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = SongsWithinMs });
            await BrowserPages.ScreenshotsAsync(("player-offline", screen));
            var whileOffline = await SendAsync(owner, HttpMethod.Get, $"/v1/venues/{BrowserPages.DemoVenue}/queue", null);

            await screenContext.SetOfflineAsync(false);
            await Expect(screen.GetByTestId("connection-status")).ToHaveTextAsync("Live");
            await Expect(screen.GetByTestId("now-playing-title")).ToHaveTextAsync("Asked Meanwhile", new LocatorAssertionsToHaveTextOptions { Timeout = SongsWithinMs });
            await Expect(kiosk.GetByTestId("now-playing")).ToContainTextAsync("Asked Meanwhile");
            await Expect(screen.GetByTestId("now-playing-title")).ToHaveTextAsync("House Song", new LocatorAssertionsToHaveTextOptions { Timeout = SongsWithinMs });
            await Expect(screen.GetByTestId("idle-message")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = SongsWithinMs });

            var credits = await SendAsync(patron, HttpMethod.Get, "/v1/users/me/credits", null);
            var ledger = await SendAsync(patron, HttpMethod.Get, "/v1/users/me/credits/transactions", null);
            Assert.Contains(fourth, whileOffline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            Assert.Equal(["played", "skipped", "failed", "played"], await StatusesAsync(owner, first, second, third, fourth));
            Assert.Equal(["played", "played"], await StatusesByTitleAsync(owner, "Asked Meanwhile", "House Song"));
            // The skipped song was heard before the skip, so it is paid for; the one that could not play is not.
            Assert.Equal((7, 0), (credits.GetProperty("balance").GetInt32(), credits.GetProperty("held").GetInt32()));
            Assert.Equal(3, ledger.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "SPENT"));
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException(_pages.Describe(failure, ("app", app)), failure);
        }
    }

    private static async Task<HttpClient> PatronWithCreditsAsync(Uri app, HttpClient owner, int credits)
    {
        var patron = new HttpClient { BaseAddress = app };
        var email = $"patron.{Guid.NewGuid():N}@example.com";
        var session = await SendAsync(patron, HttpMethod.Post, "/v1/auth/register", new { email, password = "karaoke42", name = "Pat" });
        patron.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.GetProperty("accessToken").GetString());
        await SendAsync(owner, HttpMethod.Post, $"/v1/venues/{BrowserPages.DemoVenue}/credits", new { email, amount = credits, type = "ADDED", reason = "test night" });
        return patron;
    }

    private static async Task<Guid> PaidRequestAsync(HttpClient patron, string title, string youtubeId) =>
        (await SendAsync(patron, HttpMethod.Post, $"/v1/venues/{BrowserPages.DemoVenue}/queue",
            new { kind = "jukebox", youtubeId, title, artist = "The Testers", duration = 180, priority = true }))
        .GetProperty("item").GetProperty("id").GetGuid();

    private static async Task<Guid?> NowPlayingAsync(HttpClient owner)
    {
        var queue = await SendAsync(owner, HttpMethod.Get, $"/v1/venues/{BrowserPages.DemoVenue}/queue", null);
        return queue.GetProperty("nowPlaying").ValueKind == JsonValueKind.Object ? queue.GetProperty("nowPlaying").GetProperty("id").GetGuid() : null;
    }

    private static async Task<List<string?>> StatusesAsync(HttpClient owner, params Guid[] ids)
    {
        var statuses = new List<string?>();
        foreach (var id in ids)
        {
            statuses.Add((await SendAsync(owner, HttpMethod.Get, $"/v1/customer/requests/{id}", null)).GetProperty("status").GetString());
        }

        return statuses;
    }

    private static async Task<List<string?>> StatusesByTitleAsync(HttpClient owner, params string[] titles)
    {
        var page = await SendAsync(owner, HttpMethod.Get, $"/v1/customer/requests?venueId={BrowserPages.DemoVenue}&limit=100", null);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        return [.. titles.Select(title => items.Single(i => i.GetProperty("title").GetString() == title).GetProperty("status").GetString())];
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("data").Clone();
    }
}
