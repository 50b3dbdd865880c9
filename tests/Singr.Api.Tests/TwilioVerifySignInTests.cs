using System.Net;
using System.Net.Http.Json;

namespace Singr.Api.Tests;

/// <summary>
/// With a Twilio Verify service, the phone and sign-in codes a user types are the ones Verify texted them, checked by
/// Verify: Singr's own code never reaches the phone, so it is not accepted either.
/// </summary>
public sealed class TwilioVerifySignInTests(TwilioVerifyAppFixture app) : IClassFixture<TwilioVerifyAppFixture>
{
    private const string Phone = "+447700900777";

    [Fact]
    public async Task The_code_verify_texted_verifies_the_phone_and_completes_an_sms_sign_in_while_singrs_own_code_does_not()
    {
        var user = await ApiUser.RegisterAsync(app.Client, "verified-by-twilio");
        await user.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, "/v1/users/me/phone", new { phone = Phone });
        await VerificationsToAsync(Phone, 1);
        using var ownCode = await user.SendAsync(HttpMethod.Post, "/v1/users/me/phone/verify", new { code = "123456" });
        var verified = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/users/me/phone/verify", new { code = FakeTwilio.VerifyCode });
        await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/users/me/2fa/sms");

        using var login = await app.Client.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = "karaoke42" });
        var challenge = (await EnvelopeJson.DataOfAsync(login)).GetProperty("challengeToken").GetString();
        using var texted = await app.Client.PostAsJsonAsync("/v1/auth/2fa/sms", new { challengeToken = challenge });
        await VerificationsToAsync(Phone, 2);
        using var wrong = await app.Client.PostAsJsonAsync("/v1/auth/2fa/verify", new { challengeToken = challenge, code = "654321" });
        using var signedIn = await app.Client.PostAsJsonAsync("/v1/auth/2fa/verify", new { challengeToken = challenge, code = FakeTwilio.VerifyCode });

        Assert.Equal(HttpStatusCode.BadRequest, ownCode.StatusCode);
        Assert.Equal("CODE_INVALID", (await EnvelopeJson.ErrorOfAsync(ownCode)).GetProperty("code").GetString());
        Assert.Equal(Phone, verified.GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.Accepted, texted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.False(string.IsNullOrEmpty((await EnvelopeJson.DataOfAsync(signedIn)).GetProperty("accessToken").GetString()));
        Assert.DoesNotContain(app.Twilio.Messages, m => m["To"] == Phone);
    }

    private async Task VerificationsToAsync(string phone, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (app.Twilio.FormsTo("/Verifications").Count(v => v["To"] == phone) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(count, app.Twilio.FormsTo("/Verifications").Count(v => v["To"] == phone));
    }
}
