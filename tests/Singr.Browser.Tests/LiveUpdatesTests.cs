using System.Text;
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
    private const string DemoVenue = "demo-venue";
    private const string DemoOwnerEmail = "owner@demo.singr.test";
    private const string DemoOwnerPassword = "demo-owner-42";
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(45);
    /// <summary>How long a change may take to show in the other tab: "instantly", with room for a busy CI machine.</summary>
    private const float VisibleWithinMs = 5_000;

    private readonly List<string> _console = [];

    [Fact]
    public async Task A_kiosk_request_reaches_the_dashboard_and_the_hosts_skip_reaches_the_kiosk_through_different_processes()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);

        // Two processes hosting grains, as `make cluster` runs them (Development, where the build output serves wwwroot
        // from the project); the kiosk is served by one, the dashboard by the other, so each change made through one
        // process reaches the other tab through the venue's event stream, wherever the venue's grain is active.
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Singr__SeedDemo"] = "true",
        };
        await using var kioskSilo = ApplicationProcess.Start(Database.ConnectionString, environment);
        await kioskSilo.WaitUntilReadyAsync(StartWithin);
        await using var dashboardSilo = ApplicationProcess.Start(Database.ConnectionString, new Dictionary<string, string>(environment)
        {
            ["Singr__SeedDemo"] = "false",
        });
        await dashboardSilo.WaitUntilReadyAsync(StartWithin);

        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 420, Height = 900 } });
        var dashboard = await OpenAsync(context, "dashboard", new Uri(dashboardSilo.BaseAddress, "/dashboard.html"));
        var kiosk = await OpenAsync(context, "kiosk", new Uri(kioskSilo.BaseAddress, $"/kiosk.html?venue={DemoVenue}"));
        SetDefaultExpectTimeout(VisibleWithinMs);
        var title = $"Browser Song {Guid.NewGuid():N}"[..24];

        try
        {
            await dashboard.GetByTestId("signin-email").FillAsync(DemoOwnerEmail);
            await dashboard.GetByTestId("signin-password").FillAsync(DemoOwnerPassword);
            await dashboard.GetByTestId("signin-submit").ClickAsync();
            await Expect(dashboard.GetByTestId("connection-status")).ToHaveTextAsync("Live");
            var pending = dashboard.Locator($"[data-testid=venue-pending][data-venue-id={DemoVenue}]").GetByTestId("pending-count");
            await Expect(pending).ToHaveTextAsync("0");
            await Expect(kiosk.GetByTestId("connection-status")).ToHaveTextAsync("Live");
            await Expect(kiosk.GetByTestId("queue-empty")).ToBeVisibleAsync();

            // The patron requests on the kiosk: the host sees it arrive, and the kiosk's own queue shows it.
            await RequestAsync(kiosk, "Robin", "The Testers", title);
            await Expect(kiosk.GetByTestId("request-result")).ToContainTextAsync($"Requested “{title}”");
            var requestRow = dashboard.GetByTestId("request-row").Filter(new LocatorFilterOptions { HasText = title });
            await Expect(requestRow.GetByTestId("request-status")).ToHaveTextAsync("queued");
            await Expect(requestRow).ToContainTextAsync("The Testers · for Robin");
            await Expect(pending).ToHaveTextAsync("1");
            var queued = kiosk.GetByTestId("queue-item").Filter(new LocatorFilterOptions { HasText = title });
            await Expect(queued).ToHaveCountAsync(1);

            await ScreenshotsAsync(("kiosk-queued", kiosk), ("dashboard-queued", dashboard));

            // The same song again is refused, and the patron reads why.
            await RequestAsync(kiosk, "Robin", "The Testers", title);
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
            await ScreenshotsAsync(("kiosk-skipped", kiosk), ("dashboard-skipped", dashboard));
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException(Describe(failure, kioskSilo, dashboardSilo), failure);
        }
    }

    /// <summary>SINGR_SCREENSHOTS=DIR keeps what each tab showed, to look at the pages as a person would.</summary>
    private static async Task ScreenshotsAsync(params (string Name, IPage Page)[] pages)
    {
        if (Environment.GetEnvironmentVariable("SINGR_SCREENSHOTS") is not { Length: > 0 } directory)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        foreach (var (name, page) in pages)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
        }
    }

    private static async Task RequestAsync(IPage kiosk, string singer, string artist, string title)
    {
        await kiosk.GetByTestId("request-singer").FillAsync(singer);
        await kiosk.GetByTestId("request-artist").FillAsync(artist);
        await kiosk.GetByTestId("request-title").FillAsync(title);
        await kiosk.GetByTestId("request-submit").ClickAsync();
    }

    private async Task<IPage> OpenAsync(IBrowserContext context, string name, Uri address)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) => Record($"{name} console {message.Type}: {message.Text}");
        page.PageError += (_, error) => Record($"{name} page error: {error}");
        await page.GotoAsync(address.ToString());
        return page;
    }

    private void Record(string line)
    {
        lock (_console)
        {
            _console.Add(line);
        }
    }

    private string Describe(Exception failure, ApplicationProcess kioskSilo, ApplicationProcess dashboardSilo)
    {
        var text = new StringBuilder(failure.Message).AppendLine().AppendLine("--- browser console ---");
        lock (_console)
        {
            _console.ForEach(line => text.AppendLine(line));
        }

        text.AppendLine("--- kiosk's process (last lines) ---");
        kioskSilo.OutputLines.TakeLast(40).ToList().ForEach(line => text.AppendLine(line));
        text.AppendLine("--- dashboard's process (last lines) ---");
        dashboardSilo.OutputLines.TakeLast(40).ToList().ForEach(line => text.AppendLine(line));
        return text.ToString();
    }
}
