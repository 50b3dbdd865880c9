using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Singr.Testing;
using static Microsoft.Playwright.Assertions;

namespace Singr.Browser.Tests;

/// <summary>
/// A venue that approves every request, as its host and a patron see it: the kiosk's request waits for the host, the
/// host answers from the dashboard with a message, and the kiosk shows the answer and what is left of its allowance.
/// </summary>
public sealed class ApprovalFlowTests() : DatabaseTest(migrate: false)
{
    private readonly BrowserPages _pages = new();

    [Fact]
    public async Task The_host_approves_and_rejects_kiosk_requests_from_the_dashboard_and_the_kiosk_sees_each_answer_and_its_allowance()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var silo = ApplicationProcess.Start(Database.ConnectionString, BrowserPages.Environment(seedDemo: true));
        await silo.WaitUntilReadyAsync(BrowserPages.StartWithin);
        await RequireApprovalWithNightlyAllowanceAsync(silo.BaseAddress, allowance: 2);

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 420, Height = 900 } });
        var dashboard = await _pages.OpenAsync(context, "dashboard", new Uri(silo.BaseAddress, "/dashboard.html"));
        var kiosk = await _pages.OpenAsync(context, "kiosk", new Uri(silo.BaseAddress, $"/kiosk.html?venue={BrowserPages.DemoVenue}"));
        SetDefaultExpectTimeout(BrowserPages.VisibleWithinMs);
        var approved = $"Approve Me {Guid.NewGuid():N}"[..20];
        var rejected = $"Reject Me {Guid.NewGuid():N}"[..19];

        try
        {
            await BrowserPages.SignInToDashboardAsync(dashboard);
            await Expect(dashboard.GetByTestId("connection-status")).ToHaveTextAsync("Live");
            await Expect(kiosk.GetByTestId("connection-status")).ToHaveTextAsync("Live");

            // The request waits for the host: not in the queue yet, and one of the night's two requests is used.
            await BrowserPages.RequestAsync(kiosk, "Robin", "The Testers", approved);
            await Expect(kiosk.GetByTestId("request-result")).ToContainTextAsync("The host will look at it shortly");
            await Expect(kiosk.GetByTestId("quota")).ToHaveTextAsync("1 of 2 requests left tonight.");
            await Expect(kiosk.GetByTestId("queue-empty")).ToBeVisibleAsync();
            var row = dashboard.GetByTestId("request-row").Filter(new LocatorFilterOptions { HasText = approved });
            await Expect(row.GetByTestId("request-status")).ToHaveTextAsync("pending");
            await Expect(dashboard.GetByTestId("awaiting-count")).ToHaveTextAsync("1");

            // The host approves it with a message: the kiosk shows the message and the song joins the queue.
            await row.GetByTestId("response-message").FillAsync("See you on stage");
            await row.GetByTestId("approve-button").ClickAsync();
            await Expect(kiosk.GetByTestId("host-reply")).ToHaveTextAsync($"The host approved “{approved}”. “See you on stage”");
            await Expect(kiosk.GetByTestId("queue-item").Filter(new LocatorFilterOptions { HasText = approved })).ToHaveCountAsync(1);
            await Expect(row.GetByTestId("request-status")).ToHaveTextAsync("queued");
            await Expect(dashboard.GetByTestId("awaiting-count")).ToHaveCountAsync(0);

            // A rejected request never joins the queue and gives its place in the allowance back.
            await BrowserPages.RequestAsync(kiosk, "Robin", "The Testers", rejected);
            await Expect(kiosk.GetByTestId("quota")).ToHaveTextAsync("0 of 2 requests left tonight.");
            var second = dashboard.GetByTestId("request-row").Filter(new LocatorFilterOptions { HasText = rejected });
            await second.GetByTestId("response-message").FillAsync("Not tonight, sorry");
            await second.GetByTestId("reject-button").ClickAsync();
            await Expect(kiosk.GetByTestId("host-reply")).ToHaveTextAsync($"The host couldn't take “{rejected}”. “Not tonight, sorry”");
            await Expect(kiosk.GetByTestId("quota")).ToHaveTextAsync("1 of 2 requests left tonight.");
            await Expect(second.GetByTestId("request-status")).ToHaveTextAsync("rejected");
            await Expect(kiosk.GetByTestId("queue-item").Filter(new LocatorFilterOptions { HasText = rejected })).ToHaveCountAsync(0);
            await BrowserPages.ScreenshotsAsync(("kiosk-answered", kiosk), ("dashboard-answered", dashboard));
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException(_pages.Describe(failure, ("app", silo)), failure);
        }
    }

    /// <summary>What the demo venue's owner sets up before the night, over the API.</summary>
    private static async Task RequireApprovalWithNightlyAllowanceAsync(Uri app, int allowance)
    {
        using var http = await BrowserPages.DemoOwnerAsync(app);
        using var settings = await http.PatchAsJsonAsync($"/v1/venues/{BrowserPages.DemoVenue}/settings", new { approvalRequired = true });
        settings.EnsureSuccessStatusCode();
        using var quota = await http.PutAsJsonAsync($"/v1/venues/{BrowserPages.DemoVenue}/quota", new
        {
            tiers = new[] { new { name = "everyone", requestsAllowed = allowance, period = "NIGHT" } },
            defaultTier = "everyone",
        });
        quota.EnsureSuccessStatusCode();
    }
}
