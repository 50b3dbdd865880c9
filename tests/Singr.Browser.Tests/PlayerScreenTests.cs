using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Singr.Testing;
using static Microsoft.Playwright.Assertions;

namespace Singr.Browser.Tests;

/// <summary>
/// The venue's player screen beside a kiosk: paired with a code, it plays the queue in order (the test video adapter
/// stands in for YouTube, by the server's configuration), shows what the host's display settings say as they change,
/// and the kiosk follows what is on. A second screen paired later cannot take over while the first holds the lease;
/// a host hands it the lease from the dashboard, and then the first, holding the older lease, cannot take it back.
/// </summary>
public sealed class PlayerScreenTests() : DatabaseTest(migrate: false)
{
    /// <summary>A screen learns of a hand-over with its next heartbeat (every 5 s).</summary>
    private const float HandOverWithinMs = 12_000;

    private readonly BrowserPages _pages = new();

    [Fact]
    public async Task A_paired_screen_plays_the_kiosks_requests_in_turn_and_a_second_screen_stands_by_until_the_host_hands_it_the_lease()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var app = ApplicationProcess.Start(Database.ConnectionString, BrowserPages.Environment(seedDemo: true, testVideos: true));
        await app.WaitUntilReadyAsync(BrowserPages.StartWithin);
        using var owner = await BrowserPages.DemoOwnerAsync(app.BaseAddress);
        await ScreenSettingsAsync(owner, new { display = new { scrollingMessage = "Happy hour until nine", upNextCount = 1 } });
        var (firstCode, secondCode) = (await PairingCodeAsync(owner), await PairingCodeAsync(owner));

        await using var room = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 420, Height = 900 } });
        await using var screenContext = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        await using var standbyContext = await browser.NewContextAsync();
        var kiosk = await _pages.OpenAsync(room, "kiosk", new Uri(app.BaseAddress, $"/kiosk.html?venue={BrowserPages.DemoVenue}"));
        var screen = await _pages.OpenAsync(screenContext, "player", new Uri(app.BaseAddress, "/player.html?seconds=2"));
        SetDefaultExpectTimeout(BrowserPages.VisibleWithinMs);

        try
        {
            await screen.GetByTestId("pairing-code").FillAsync(firstCode);
            await screen.GetByTestId("pairing-submit").ClickAsync();
            await Expect(screen.GetByTestId("connection-status")).ToHaveTextAsync("Live");
            await Expect(screen.GetByTestId("idle-message")).ToBeVisibleAsync();
            await Expect(screen.GetByTestId("scrolling-message")).ToContainTextAsync("Happy hour until nine");
            await Expect(kiosk.GetByTestId("connection-status")).ToHaveTextAsync("Live");

            // The first song plays with its singer up. The host pauses it at the screen (Space) while the others
            // are requested, so a busy machine cannot let it end before the test has looked; then it plays on.
            await BrowserPages.RequestAsync(kiosk, "Ann", "ABBA", "First Song");
            await Expect(kiosk.GetByTestId("request-result")).ToContainTextAsync("First Song");
            await Expect(screen.GetByTestId("singer-up-name")).ToHaveTextAsync("Ann");
            await Expect(screen.GetByTestId("host-panel-state")).ToContainTextAsync("playing");
            await screen.Keyboard.PressAsync(" ");
            await Expect(screen.GetByTestId("host-panel-state")).ToContainTextAsync("paused");
            await BrowserPages.RequestAsync(kiosk, "Bob", "Queen", "Second Song");
            await Expect(kiosk.GetByTestId("request-result")).ToContainTextAsync("Second Song");
            await BrowserPages.RequestAsync(kiosk, "Cat", "Toto", "Third Song");
            await Expect(kiosk.GetByTestId("request-result")).ToContainTextAsync("Third Song");

            // The second is shown next; then the second plays; then the third; then nothing.
            await Expect(screen.GetByTestId("singer-up-name")).ToHaveTextAsync("Ann");
            await Expect(screen.GetByTestId("now-playing-title")).ToHaveTextAsync("First Song");
            await Expect(screen.GetByTestId("up-next-item")).ToHaveTextAsync(["Second Song · Bob"]);
            await BrowserPages.ScreenshotsAsync(("player-singing", screen));

            // A host's change reaches the screen while it plays.
            await ScreenSettingsAsync(owner, new { display = new { scrollingMessage = "Last orders at midnight" } });
            await Expect(screen.GetByTestId("scrolling-message")).ToContainTextAsync("Last orders at midnight");
            await Expect(kiosk.GetByTestId("now-playing")).ToContainTextAsync("First Song");
            await screen.Keyboard.PressAsync(" ");
            await Expect(screen.GetByTestId("now-playing-title")).ToHaveTextAsync("Second Song");
            await Expect(kiosk.GetByTestId("now-playing")).ToContainTextAsync("Second Song");
            await Expect(screen.GetByTestId("now-playing-title")).ToHaveTextAsync("Third Song");
            await Expect(screen.GetByTestId("idle-message")).ToBeVisibleAsync();
            await Expect(kiosk.GetByTestId("now-playing")).ToContainTextAsync("Nothing is playing.");

            var standby = await _pages.OpenAsync(standbyContext, "standby player", new Uri(app.BaseAddress, "/player.html"));
            await standby.GetByTestId("pairing-code").FillAsync(secondCode);
            await standby.GetByTestId("pairing-submit").ClickAsync();
            await Expect(standby.GetByTestId("player-error")).ToContainTextAsync("standing by");
            await BrowserPages.ScreenshotsAsync(("player", screen), ("player-kiosk", kiosk), ("player-standby", standby));

            // The host hands the lease to the standby screen from the dashboard: it plays the next song, and the
            // first screen, whose lease is now the older one, stands by and cannot take the venue back.
            var dashboard = await _pages.OpenAsync(standbyContext, "dashboard", new Uri(app.BaseAddress, "/dashboard.html"));
            await BrowserPages.SignInToDashboardAsync(dashboard);
            await dashboard.Locator($"[data-venue-id='{BrowserPages.DemoVenue}']").GetByTestId("show-players").ClickAsync();
            await Expect(dashboard.GetByTestId("player-row")).ToHaveCountAsync(2);
            await dashboard.Locator("[data-testid=player-row][data-holder=false]").GetByTestId("hand-over").ClickAsync();
            await Expect(standby.GetByTestId("player-error")).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = HandOverWithinMs });
            await Expect(screen.GetByTestId("player-error")).ToContainTextAsync("standing by", new LocatorAssertionsToContainTextOptions { Timeout = HandOverWithinMs });
            await BrowserPages.RequestAsync(kiosk, "Dee", "Blondie", "After The Hand Over");
            await Expect(standby.GetByTestId("now-playing-title")).ToHaveTextAsync("After The Hand Over");
            await Expect(screen.GetByTestId("idle-message")).ToBeVisibleAsync();
            await Expect(dashboard.Locator("[data-testid=player-row][data-holder=true]")).ToContainTextAsync("the player");

            Assert.Equal(["played", "played", "played"], await StatusesAsync(owner, "First Song", "Second Song", "Third Song"));
            Assert.Equal(["playing"], await StatusesAsync(owner, "After The Hand Over"));
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException(_pages.Describe(failure, ("app", app)), failure);
        }
    }

    private static async Task ScreenSettingsAsync(HttpClient owner, object settings)
    {
        using var changed = await owner.PatchAsJsonAsync(new Uri($"/v1/venues/{BrowserPages.DemoVenue}/settings", UriKind.Relative), settings);
        changed.EnsureSuccessStatusCode();
    }

    private static async Task<string> PairingCodeAsync(HttpClient owner)
    {
        using var issued = await owner.PostAsync(new Uri($"/v1/venues/{BrowserPages.DemoVenue}/players/pairing-codes", UriKind.Relative), null);
        issued.EnsureSuccessStatusCode();
        return (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("code").GetString()!;
    }

    private static async Task<List<string?>> StatusesAsync(HttpClient owner, params string[] titles)
    {
        var page = await owner.GetFromJsonAsync<JsonElement>(new Uri($"/v1/customer/requests?venueId={BrowserPages.DemoVenue}&limit=100", UriKind.Relative));
        var items = page.GetProperty("data").GetProperty("items").EnumerateArray().ToList();
        return [.. titles.Select(title => items.Single(i => i.GetProperty("title").GetString() == title).GetProperty("status").GetString())];
    }
}
