using Microsoft.Playwright;
using Singr.Testing;
using static Microsoft.Playwright.Assertions;

namespace Singr.Browser.Tests;

/// <summary>
/// The live-updates promise as a person sees it: a kiosk and a host dashboard, in two tabs served by two different
/// Singr processes, see each other's changes within seconds.
/// </summary>
public sealed class LiveUpdatesTests() : DatabaseTest(migrate: false)
{
    private readonly BrowserPages _pages = new();

    [Fact]
    public async Task A_kiosk_request_reaches_the_dashboard_and_the_hosts_skip_reaches_the_kiosk_through_different_processes()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);

        // Two processes hosting grains, as `make cluster` runs them (Development, where the build output serves wwwroot
        // from the project); the kiosk is served by one, the dashboard by the other, so each change made through one
        // process reaches the other tab through the venue's event stream, wherever the venue's grain is active.
        await using var kioskSilo = ApplicationProcess.Start(Database.ConnectionString, BrowserPages.Environment(seedDemo: true));
        await kioskSilo.WaitUntilReadyAsync(BrowserPages.StartWithin);
        await using var dashboardSilo = ApplicationProcess.Start(Database.ConnectionString, BrowserPages.Environment(seedDemo: false));
        await dashboardSilo.WaitUntilReadyAsync(BrowserPages.StartWithin);

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 420, Height = 900 } });
        var dashboard = await _pages.OpenAsync(context, "dashboard", new Uri(dashboardSilo.BaseAddress, "/dashboard.html"));
        var kiosk = await _pages.OpenAsync(context, "kiosk", new Uri(kioskSilo.BaseAddress, $"/kiosk.html?venue={BrowserPages.DemoVenue}"));
        SetDefaultExpectTimeout(BrowserPages.VisibleWithinMs);
        var title = $"Browser Song {Guid.NewGuid():N}"[..24];

        try
        {
            await BrowserPages.SignInToDashboardAsync(dashboard);
            await Expect(dashboard.GetByTestId("connection-status")).ToHaveTextAsync("Live");
            var pending = dashboard.Locator($"[data-testid=venue-pending][data-venue-id={BrowserPages.DemoVenue}]").GetByTestId("pending-count");
            await Expect(pending).ToHaveTextAsync("0");
            await Expect(kiosk.GetByTestId("connection-status")).ToHaveTextAsync("Live");
            await Expect(kiosk.GetByTestId("queue-empty")).ToBeVisibleAsync();

            // The patron requests on the kiosk: the host sees it arrive, and the kiosk's own queue shows it.
            await BrowserPages.RequestAsync(kiosk, "Robin", "The Testers", title);
            await Expect(kiosk.GetByTestId("request-result")).ToContainTextAsync($"Requested “{title}”");
            var requestRow = dashboard.GetByTestId("request-row").Filter(new LocatorFilterOptions { HasText = title });
            await Expect(requestRow.GetByTestId("request-status")).ToHaveTextAsync("queued");
            await Expect(requestRow).ToContainTextAsync("The Testers · for Robin");
            await Expect(pending).ToHaveTextAsync("1");
            var queued = kiosk.GetByTestId("queue-item").Filter(new LocatorFilterOptions { HasText = title });
            await Expect(queued).ToHaveCountAsync(1);

            await BrowserPages.ScreenshotsAsync(("kiosk-queued", kiosk), ("dashboard-queued", dashboard));

            // The same song again is refused, and the patron reads why.
            await BrowserPages.RequestAsync(kiosk, "Robin", "The Testers", title);
            await Expect(kiosk.GetByTestId("request-result")).ToHaveTextAsync(
                "That song is already in the queue or was just played. Pick another!");
            await Expect(queued).ToHaveCountAsync(1);

            // The host skips it: the dashboard shows it skipped, and the kiosk no longer lists it as queued.
            await requestRow.GetByTestId("skip-button").ClickAsync();
            await Expect(requestRow.GetByTestId("request-status")).ToHaveTextAsync("skipped");
            await Expect(requestRow.GetByTestId("skip-button")).ToHaveCountAsync(0);
            await Expect(pending).ToHaveTextAsync("0");
            await Expect(queued).ToHaveCountAsync(0);
            await Expect(kiosk.GetByTestId("queue-empty")).ToBeVisibleAsync();
            await BrowserPages.ScreenshotsAsync(("kiosk-skipped", kiosk), ("dashboard-skipped", dashboard));
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException(_pages.Describe(failure, ("kiosk", kioskSilo), ("dashboard", dashboardSilo)), failure);
        }
    }
}
