using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Singr.Testing;
using static Microsoft.Playwright.Assertions;

namespace Singr.Browser.Tests;

/// <summary>
/// A patron who signs in at the kiosk requests as themselves and keeps the hosts' answers: the answer given while the
/// kiosk was closed is in their notifications when it opens again, unread, and one tap marks it read.
/// </summary>
public sealed class KioskNotificationsTests() : DatabaseTest(migrate: false)
{
    private readonly BrowserPages _pages = new();

    [Fact]
    public async Task A_signed_in_patron_finds_the_hosts_answer_in_the_kiosks_notifications_and_marks_it_read()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var silo = ApplicationProcess.Start(Database.ConnectionString, BrowserPages.Environment(seedDemo: true));
        await silo.WaitUntilReadyAsync(BrowserPages.StartWithin);
        using var owner = await BrowserPages.DemoOwnerAsync(silo.BaseAddress);
        using (var settings = await owner.PatchAsJsonAsync($"/v1/venues/{BrowserPages.DemoVenue}/settings", new { approvalRequired = true }))
        {
            settings.EnsureSuccessStatusCode();
        }

        var email = $"singer.{Guid.NewGuid():N}@example.com";
        using (var http = new HttpClient { BaseAddress = silo.BaseAddress })
        using (var registered = await http.PostAsJsonAsync("/v1/auth/register", new { email, password = "karaoke42", name = "Robin" }))
        {
            registered.EnsureSuccessStatusCode();
        }

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 420, Height = 900 } });
        var kioskAddress = new Uri(silo.BaseAddress, $"/kiosk.html?venue={BrowserPages.DemoVenue}");
        var kiosk = await _pages.OpenAsync(context, "kiosk", kioskAddress);
        SetDefaultExpectTimeout(BrowserPages.VisibleWithinMs);
        var title = $"Notify Me {Guid.NewGuid():N}"[..19];

        try
        {
            await kiosk.GetByTestId("patron-email").FillAsync(email);
            await kiosk.GetByTestId("patron-password").FillAsync("karaoke42");
            await kiosk.GetByTestId("patron-signin-submit").ClickAsync();
            await Expect(kiosk.GetByTestId("patron-name")).ToHaveTextAsync("Robin");
            await Expect(kiosk.GetByTestId("notifications-empty")).ToBeVisibleAsync();
            await Expect(kiosk.GetByTestId("connection-status")).ToHaveTextAsync("Live");

            await BrowserPages.RequestAsync(kiosk, "Robin", "The Testers", title);
            var mine = kiosk.GetByTestId("my-request").Filter(new LocatorFilterOptions { HasText = title });
            await Expect(mine).ToHaveCountAsync(1);
            var requestId = await mine.GetAttributeAsync("data-request-id");

            // The patron closes the kiosk; the host rejects the request meanwhile.
            await kiosk.CloseAsync();
            using (var answer = await owner.PostAsJsonAsync($"/v1/customer/requests/{requestId}/respond", new { status = "rejected", message = "Not tonight, sorry" }))
            {
                answer.EnsureSuccessStatusCode();
            }

            kiosk = await _pages.OpenAsync(context, "kiosk again", kioskAddress);
            var notification = kiosk.GetByTestId("notification").Filter(new LocatorFilterOptions { HasText = title });
            await Expect(notification).ToContainTextAsync($"The host couldn't take “{title}”.");
            await Expect(notification).ToContainTextAsync("“Not tonight, sorry”");
            await Expect(notification).ToHaveAttributeAsync("data-read", "false");
            await Expect(kiosk.GetByTestId("notifications-unread")).ToHaveTextAsync("1");

            await notification.GetByTestId("notification-read").ClickAsync();
            await Expect(notification).ToHaveAttributeAsync("data-read", "true");
            await Expect(kiosk.GetByTestId("notifications-unread")).ToBeHiddenAsync();

            // With the kiosk open, the next answer shows up as it is given (the patron's request:update refreshes the list).
            var second = $"Live One {Guid.NewGuid():N}"[..18];
            await BrowserPages.RequestAsync(kiosk, "Robin", "The Testers", second);
            var secondMine = kiosk.GetByTestId("my-request").Filter(new LocatorFilterOptions { HasText = second });
            await Expect(secondMine).ToHaveCountAsync(1);
            using (var answer = await owner.PostAsJsonAsync($"/v1/customer/requests/{await secondMine.GetAttributeAsync("data-request-id")}/respond", new { status = "approved", message = "You're up next" }))
            {
                answer.EnsureSuccessStatusCode();
            }

            await Expect(kiosk.GetByTestId("notification").First).ToContainTextAsync($"The host approved “{second}”.");
            await Expect(kiosk.GetByTestId("notifications-unread")).ToHaveTextAsync("1");
            await BrowserPages.ScreenshotsAsync(("kiosk-notifications", kiosk));
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException(_pages.Describe(failure, ("app", silo)), failure);
        }
    }
}
