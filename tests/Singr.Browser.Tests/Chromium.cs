using Microsoft.Playwright;

namespace Singr.Browser.Tests;

/// <summary>
/// Debian's Chromium, driven by Playwright. Playwright's own browser download is never used: the project installs the
/// system package (scripts/test.sh does it as root), and a machine without it fails the browser tests, saying so.
/// </summary>
public static class Chromium
{
    /// <summary>SINGR_CHROMIUM overrides where the browser is (another build of Chromium).</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("SINGR_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail(
                $"Chromium is not installed at {ExecutablePath}, so the browser tests cannot run. Install Debian's package " +
                "('apt-get install -y chromium'; 'make test' does it when run as root) or set SINGR_CHROMIUM to a Chromium binary.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            Timeout = 30_000,
        });
    }
}
