using System.Net.Http.Json;
using Microsoft.Playwright;
using Singr.Testing;
using static Microsoft.Playwright.Assertions;

namespace Singr.Browser.Tests;

/// <summary>
/// A patron at the demo venue's kiosk finds a song in the songbook as they type, taps it, and follows it in "my
/// requests"; when the venue starts charging, the kiosk shows the price before anyone asks.
/// </summary>
public sealed class KioskSearchTests() : DatabaseTest(migrate: false)
{
    private readonly BrowserPages _pages = new();

    [Fact]
    public async Task A_patron_finds_a_song_by_typing_part_of_it_taps_it_and_sees_where_it_stands_in_my_requests()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var app = ApplicationProcess.Start(Database.ConnectionString, BrowserPages.Environment(seedDemo: true));
        await app.WaitUntilReadyAsync(BrowserPages.StartWithin);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 420, Height = 900 } });
        var kiosk = await _pages.OpenAsync(context, "kiosk", new Uri(app.BaseAddress, $"/kiosk.html?venue={BrowserPages.DemoVenue}"));
        SetDefaultExpectTimeout(BrowserPages.VisibleWithinMs);

        try
        {
            await Expect(kiosk.GetByTestId("connection-status")).ToHaveTextAsync("Live");
            await Expect(kiosk.GetByTestId("mine-empty")).ToBeVisibleAsync();

            await kiosk.GetByTestId("request-singer").FillAsync("Freddie");
            await kiosk.GetByTestId("song-search").PressSequentiallyAsync("bohemain rhap");
            var result = kiosk.GetByTestId("search-result").Filter(new LocatorFilterOptions { HasText = "Bohemian Rhapsody" });
            await Expect(result).ToContainTextAsync("Queen");
            await result.ClickAsync();

            await Expect(kiosk.GetByTestId("request-result")).ToContainTextAsync("Requested “Bohemian Rhapsody”");
            var mine = kiosk.GetByTestId("my-request").Filter(new LocatorFilterOptions { HasText = "Bohemian Rhapsody" });
            await Expect(mine.GetByTestId("my-request-status")).ToContainTextAsync("next up");
            await Expect(kiosk.GetByTestId("queue-item").Filter(new LocatorFilterOptions { HasText = "Bohemian Rhapsody" })).ToContainTextAsync("Freddie");
            await Expect(kiosk.GetByTestId("search-results")).ToBeEmptyAsync();
            await Expect(kiosk.GetByTestId("price")).ToBeHiddenAsync();

            // The venue starts charging for going ahead: the kiosk says so before anyone asks.
            using (var owner = await BrowserPages.DemoOwnerAsync(app.BaseAddress))
            {
                using var hybrid = await owner.PatchAsJsonAsync(new Uri($"/v1/venues/{BrowserPages.DemoVenue}/settings", UriKind.Relative), new { mode = "HYBRID", priorityCost = 2 });
                hybrid.EnsureSuccessStatusCode();
            }

            await Expect(kiosk.GetByTestId("price")).ToHaveTextAsync("Requests are free; 2 credits puts yours ahead of the free ones.");
            await BrowserPages.ScreenshotsAsync(("kiosk-search", kiosk));
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException(_pages.Describe(failure, ("app", app)), failure);
        }
    }
}
