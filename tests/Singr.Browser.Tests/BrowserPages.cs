using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Singr.Testing;

namespace Singr.Browser.Tests;

/// <summary>
/// The kiosk and dashboard pages a test opens, with what their consoles said, so a failure shows the browser's side
/// and the last lines of each Singr process beside Playwright's message.
/// </summary>
internal sealed class BrowserPages
{
    public const string DemoVenue = "demo-venue";
    public const string DemoOwnerEmail = "owner@demo.singr.test";
    public const string DemoOwnerPassword = "demo-owner-42";
    public static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(45);

    /// <summary>How long a change may take to show in the other tab: "instantly", with room for a busy CI machine.</summary>
    public const float VisibleWithinMs = 5_000;

    private readonly List<string> _console = [];

    /// <summary>
    /// Development serves wwwroot from the project; the demo seed gives a venue and its owner; with
    /// <paramref name="testVideos"/> the player page plays through the test video adapter, not YouTube.
    /// </summary>
    public static Dictionary<string, string> Environment(bool seedDemo, bool testVideos = false)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Singr__SeedDemo"] = seedDemo ? "true" : "false",
        };
        if (testVideos)
        {
            environment["Singr__Player__VideoAdapter"] = "test";
        }

        return environment;
    }

    public async Task<IPage> OpenAsync(IBrowserContext context, string name, Uri address)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => Record($"{name} console {message.Type}: {message.Text}");
        page.PageError += (_, error) => Record($"{name} page error: {error}");
        await page.GotoAsync(address.ToString());
        return page;
    }

    public static async Task SignInToDashboardAsync(IPage dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        await dashboard.GetByTestId("signin-email").FillAsync(DemoOwnerEmail);
        await dashboard.GetByTestId("signin-password").FillAsync(DemoOwnerPassword);
        await dashboard.GetByTestId("signin-submit").ClickAsync();
    }

    /// <summary>An HTTP client signed in as the demo venue's owner, for what a host sets up before the night.</summary>
    public static async Task<HttpClient> DemoOwnerAsync(Uri app)
    {
        var http = new HttpClient { BaseAddress = app };
        using var login = await http.PostAsJsonAsync("/v1/auth/login", new { email = DemoOwnerEmail, password = DemoOwnerPassword });
        login.EnsureSuccessStatusCode();
        var session = await login.Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.GetProperty("data").GetProperty("accessToken").GetString());
        return http;
    }

    public static async Task RequestAsync(IPage kiosk, string singer, string artist, string title)
    {
        ArgumentNullException.ThrowIfNull(kiosk);
        await kiosk.GetByTestId("request-singer").FillAsync(singer);
        await kiosk.GetByTestId("request-artist").FillAsync(artist);
        await kiosk.GetByTestId("request-title").FillAsync(title);
        await kiosk.GetByTestId("request-submit").ClickAsync();
    }

    /// <summary>SINGR_SCREENSHOTS=DIR keeps what each tab showed, to look at the pages as a person would.</summary>
    public static async Task ScreenshotsAsync(params (string Name, IPage Page)[] pages)
    {
        if (System.Environment.GetEnvironmentVariable("SINGR_SCREENSHOTS") is not { Length: > 0 } directory)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        foreach (var (name, page) in pages)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
        }
    }

    public string Describe(Exception failure, params (string Name, ApplicationProcess Process)[] processes)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var text = new StringBuilder(failure.Message).AppendLine().AppendLine("--- browser console ---");
        lock (_console)
        {
            _console.ForEach(line => text.AppendLine(line));
        }

        foreach (var (name, process) in processes)
        {
            text.Append("--- ").Append(name).AppendLine("'s process (last lines) ---");
            process.OutputLines.TakeLast(40).ToList().ForEach(line => text.AppendLine(line));
        }

        return text.ToString();
    }

    private void Record(string line)
    {
        lock (_console)
        {
            _console.Add(line);
        }
    }
}
