using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Singr.Testing;
using static Microsoft.Playwright.Assertions;

namespace Singr.Browser.Tests;

/// <summary>
/// The links the outbox worker emails land on <c>account.html</c>: a verification link verifies, a reset link's form
/// changes the password, a magic link signs in. The tokens are read from <c>outbox_messages</c>, as the email would carry them.
/// </summary>
public sealed class AccountPageTests() : DatabaseTest(migrate: false)
{
    private readonly BrowserPages _pages = new();

    [Fact]
    public async Task A_verification_link_verifies_the_email_a_reset_link_changes_the_password_and_a_magic_link_signs_in()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        // The outbox worker would send and then forget the tokens this test reads from the queued emails.
        var environment = BrowserPages.Environment(seedDemo: false);
        environment["Singr__Messaging__WorkerEnabled"] = "false";
        await using var app = ApplicationProcess.Start(Database.ConnectionString, environment);
        await app.WaitUntilReadyAsync(BrowserPages.StartWithin);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var email = $"page.{Guid.NewGuid():N}@example.com";
        Guid userId;
        using (var registered = await http.PostAsJsonAsync("/v1/auth/register", new { email, password = "karaoke42", name = "Paige" }))
        {
            registered.EnsureSuccessStatusCode();
            userId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("user").GetProperty("userId").GetGuid();
        }

        (await http.PostAsJsonAsync("/v1/auth/password/forgot", new { email })).Dispose();
        await using var context = await browser.NewContextAsync();
        SetDefaultExpectTimeout(BrowserPages.VisibleWithinMs);
        var page = await _pages.OpenAsync(context, "account", new Uri(app.BaseAddress, $"/account.html?verify={await TokenAsync(userId, "email_verification")}"));
        try
        {
            await Expect(page.GetByTestId("account-message")).ToContainTextAsync("Your email is verified");
            await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/account.html").ToString());
            await Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync();

            await page.GotoAsync(new Uri(app.BaseAddress, $"/account.html?reset={await TokenAsync(userId, "password_reset")}").ToString());
            await page.GetByTestId("reset-password").FillAsync("brand-new-99");
            await page.GetByTestId("reset-confirm").FillAsync("brand-new-99");
            await page.GetByTestId("reset-submit").ClickAsync();
            await Expect(page.GetByTestId("account-message")).ToContainTextAsync("Your password is changed");
            await page.GetByTestId("signin-email").FillAsync(email);
            await page.GetByTestId("signin-password").FillAsync("brand-new-99");
            await page.GetByTestId("signin-submit").ClickAsync();
            await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("Paige");
            await Expect(page.GetByTestId("email-state")).ToContainTextAsync("is verified");
            await page.GetByTestId("signout").ClickAsync();

            await page.GetByTestId("magic-email").FillAsync(email);
            await page.GetByTestId("magic-submit").ClickAsync();
            await Expect(page.GetByTestId("magic-result")).ToContainTextAsync("a link is on its way");
            await page.GotoAsync(new Uri(app.BaseAddress, $"/account.html?magic={await TokenAsync(userId, "magic_link")}").ToString());
            await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("Paige");
            await Expect(page.GetByTestId("two-factor-state")).ToContainTextAsync("Off");
            await Expect(page.GetByTestId("totp-start")).ToBeVisibleAsync();
            await BrowserPages.ScreenshotsAsync(("account", page));
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            throw new InvalidOperationException(_pages.Describe(failure, ("app", app)), failure);
        }
    }

    /// <summary>The token of the latest message of <paramref name="kind"/> to the user, as the email would carry it.</summary>
    private async Task<string> TokenAsync(Guid userId, string kind)
    {
        var tokens = await Database.ColumnAsync<string>(
            "SELECT template_values ->> 'token' FROM outbox_messages WHERE user_id = $1 AND kind = $2 ORDER BY created_at DESC LIMIT 1", userId, kind);
        return Assert.Single(tokens);
    }
}
