using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Singr.Testing;
using static Microsoft.Playwright.Assertions;

namespace Singr.Browser.Tests;

/// <summary>
/// A guest at a PAID venue's kiosk buys credits as a newcomer does at <c>make run</c>: through the local Stripe
/// stand-in (<c>scripts/fake-stripe.mjs</c>: a checkout page with a Pay button, then a signed webhook), back to the
/// kiosk with the credits, and spends them on a song.
/// </summary>
public sealed class KioskCreditPurchaseTests() : DatabaseTest(migrate: false)
{
    private const string WebhookSecret = "whsec_browser_test";

    private readonly BrowserPages _pages = new();

    [Fact]
    public async Task A_guest_at_a_paid_kiosk_buys_credits_through_the_checkout_and_spends_them_on_a_song()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var stripePort = FreePorts.Next();
        var environment = BrowserPages.Environment(seedDemo: true);
        environment["Singr__Stripe__SecretKey"] = "sk_test_browser";
        environment["Singr__Stripe__WebhookSecret"] = WebhookSecret;
        environment["Singr__Stripe__ApiBase"] = $"http://127.0.0.1:{stripePort}";
        await using var app = ApplicationProcess.Start(Database.ConnectionString, environment);
        using var stripe = StartFakeStripe(stripePort, new Uri(app.BaseAddress, "/v1/webhooks/stripe"));
        await app.WaitUntilReadyAsync(BrowserPages.StartWithin);
        using var owner = await BrowserPages.DemoOwnerAsync(app.BaseAddress);
        using (var paid = await owner.PatchAsync(new Uri($"/v1/venues/{BrowserPages.DemoVenue}/settings", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { mode = "PAID", costPerSong = 3 })))
        {
            paid.EnsureSuccessStatusCode();
        }

        await using var room = await browser.NewContextAsync();
        var kiosk = await _pages.OpenAsync(room, "kiosk", new Uri(app.BaseAddress, $"/kiosk.html?venue={BrowserPages.DemoVenue}"));
        SetDefaultExpectTimeout(BrowserPages.VisibleWithinMs);
        try
        {
            await Expect(kiosk.GetByTestId("credits-balance")).ToHaveTextAsync("You have 0 credits to spend.");
            await BrowserPages.RequestAsync(kiosk, "Ann", "ABBA", "Too Poor");
            await Expect(kiosk.GetByTestId("request-result")).ToContainTextAsync("credits");

            await kiosk.GetByTestId("buy-basic").ClickAsync();
            await kiosk.GetByTestId("fake-pay").ClickAsync();
            await Expect(kiosk.GetByTestId("purchase-heading")).ToHaveTextAsync("Thank you!");
            await kiosk.GetByTestId("back-to-kiosk").ClickAsync();
            await Expect(kiosk.GetByTestId("credits-balance")).ToHaveTextAsync("You have 100 credits to spend.");
            await BrowserPages.RequestAsync(kiosk, "Ann", "ABBA", "Paid For");
            await Expect(kiosk.GetByTestId("request-result")).ToContainTextAsync("Paid For");
            await Expect(kiosk.GetByTestId("credits-balance")).ToHaveTextAsync("You have 97 credits to spend.");
            await BrowserPages.ScreenshotsAsync(("kiosk-credits", kiosk));
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException(_pages.Describe(failure, ("app", app)), failure);
        }
        finally
        {
            stripe.Kill(entireProcessTree: true);
        }
    }

    private static Process StartFakeStripe(int port, Uri webhook)
    {
        var script = Path.Combine(PostgresServer.RepositoryRoot, "scripts", "fake-stripe.mjs");
        var process = Process.Start(new ProcessStartInfo("node", [script, port.ToString(CultureInfo.InvariantCulture), webhook.ToString(), WebhookSecret])
        {
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        })!;
        return process;
    }
}
