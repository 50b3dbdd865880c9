using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Singr.Grains.Accounts;
using Singr.Grains.Interfaces.Messaging;

namespace Singr.Api.Tests;

/// <summary>Optional two-factor sign-in end to end: authenticator codes, backup codes, SMS codes and the phone they go to.</summary>
public sealed class TwoFactorTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private const string Password = "karaoke42";

    [Fact]
    public async Task Authenticator_set_up_needs_a_current_code_and_then_sign_in_is_a_single_use_challenge()
    {
        var user = await ApiUser.RegisterAsync(app.Client);
        var setup = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/users/me/2fa/totp");
        var secret = Base32.Decode(setup.GetProperty("secret").GetString()!)!;

        using var wrong = await user.SendAsync(HttpMethod.Post, "/v1/users/me/2fa/totp/confirm", new { code = WrongCode(secret) });
        var pending = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/2fa");
        var confirmCode = Totp.Code(secret, Totp.StepAt(DateTimeOffset.UtcNow));
        var enabled = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/users/me/2fa/totp/confirm", new { code = confirmCode });
        var challenge = await LoginAsync(user);
        using var replayedCode = await VerifyAsync(challenge, confirmCode);
        using var signedIn = await VerifyAsync(challenge, Totp.Code(secret, Totp.StepAt(DateTimeOffset.UtcNow) + 1));
        using var challengeAgain = await VerifyAsync(challenge, Totp.Code(secret, Totp.StepAt(DateTimeOffset.UtcNow)));

        Assert.StartsWith("otpauth://totp/Singr:", setup.GetProperty("otpAuthUri").GetString(), StringComparison.Ordinal);
        Assert.Contains("issuer=Singr", setup.GetProperty("otpAuthUri").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("CODE_INVALID", (await EnvelopeJson.ErrorOfAsync(wrong)).GetProperty("code").GetString());
        Assert.True(pending.GetProperty("totpPending").GetBoolean());
        Assert.False(pending.GetProperty("totpEnabled").GetBoolean());
        var backupCodes = enabled.GetProperty("backupCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, backupCodes.Count);
        Assert.All(backupCodes, code => Assert.Equal(8, code.Length));
        Assert.True(enabled.GetProperty("status").GetProperty("totpEnabled").GetBoolean());
        Assert.Equal(10, enabled.GetProperty("status").GetProperty("backupCodesLeft").GetInt32());
        Assert.True(challenge.GetProperty("twoFactorRequired").GetBoolean());
        Assert.Equal(["totp", "backup"], challenge.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.False(challenge.TryGetProperty("accessToken", out _));
        Assert.Equal(HttpStatusCode.BadRequest, replayedCode.StatusCode);
        Assert.Equal("CODE_INVALID", (await EnvelopeJson.ErrorOfAsync(replayedCode)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(user.UserId, (await EnvelopeJson.DataOfAsync(signedIn)).GetProperty("user").GetProperty("userId").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, challengeAgain.StatusCode);
        Assert.Equal("TOKEN_INVALID", (await EnvelopeJson.ErrorOfAsync(challengeAgain)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_backup_code_completes_one_sign_in_and_never_another()
    {
        var (user, _, backupCodes) = await WithAuthenticatorAsync();

        using var first = await VerifyAsync(await LoginAsync(user), backupCodes[0].ToUpperInvariant());
        using var second = await VerifyAsync(await LoginAsync(user), backupCodes[0]);
        var status = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/users/me/2fa");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("CODE_INVALID", (await EnvelopeJson.ErrorOfAsync(second)).GetProperty("code").GetString());
        Assert.Equal(9, status.GetProperty("backupCodesLeft").GetInt32());
    }

    [Fact]
    public async Task Five_wrong_codes_end_a_challenge_and_a_challenge_lasts_five_minutes()
    {
        var (user, secret, _) = await WithAuthenticatorAsync();
        var guessed = await LoginAsync(user);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await VerifyAsync(guessed, WrongCode(secret));
            statuses.Add(wrong.StatusCode);
        }

        using var afterGuesses = await VerifyAsync(guessed, Totp.Code(secret, Totp.StepAt(DateTimeOffset.UtcNow) + 1));
        var waited = await LoginAsync(user);
        HttpResponseMessage late;
        app.Clock.Offset = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);
        try
        {
            late = await VerifyAsync(waited, Totp.Code(secret, Totp.StepAt(app.Clock.GetUtcNow())));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        using (late)
        {
            Assert.Equal(Enumerable.Repeat(HttpStatusCode.BadRequest, 5), statuses);
            Assert.Equal("TOKEN_INVALID", (await EnvelopeJson.ErrorOfAsync(afterGuesses)).GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Equal("TOKEN_INVALID", (await EnvelopeJson.ErrorOfAsync(late)).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task A_magic_link_to_an_account_with_two_factor_on_asks_for_the_second_factor_too()
    {
        var (user, secret, _) = await WithAuthenticatorAsync();
        (await app.Client.PostAsJsonAsync("/v1/auth/magic-link", new { email = user.Email })).Dispose();
        var token = await SentMessages.LatestValueAsync(app.Database, user.UserId, MessageKinds.MagicLink, MessageValues.Token);

        using var linked = await app.Client.PostAsJsonAsync("/v1/auth/magic-link/verify", new { token });
        var challenge = await EnvelopeJson.DataOfAsync(linked);
        using var signedIn = await VerifyAsync(challenge, Totp.Code(secret, Totp.StepAt(DateTimeOffset.UtcNow) + 1));

        Assert.True(challenge.GetProperty("twoFactorRequired").GetBoolean());
        Assert.False(challenge.TryGetProperty("accessToken", out _));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task Turning_two_factor_off_takes_a_current_code_and_sign_in_is_plain_again()
    {
        var (user, secret, backupCodes) = await WithAuthenticatorAsync();

        using var wrong = await user.SendAsync(HttpMethod.Delete, "/v1/users/me/2fa", new { code = WrongCode(secret) });
        var off = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, "/v1/users/me/2fa", new { code = Totp.Code(secret, Totp.StepAt(DateTimeOffset.UtcNow) + 1) });
        using var again = await user.SendAsync(HttpMethod.Delete, "/v1/users/me/2fa", new { code = backupCodes[0] });
        using var login = await app.Client.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = Password });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.False(off.GetProperty("totpEnabled").GetBoolean());
        Assert.Equal(0, off.GetProperty("backupCodesLeft").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("TWO_FACTOR_NOT_ENABLED", (await EnvelopeJson.ErrorOfAsync(again)).GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty((await EnvelopeJson.DataOfAsync(login)).GetProperty("accessToken").GetString()));
    }

    [Fact]
    public async Task A_texted_code_verifies_the_phone_once_and_the_users_row_follows()
    {
        var user = await ApiUser.RegisterAsync(app.Client);

        var sent = await user.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, "/v1/users/me/phone", new { phone = "+44 7700 900123" });
        var sms = Assert.Single(await SentMessages.AllAsync(app.Database, user.UserId, MessageKinds.SmsVerification));
        var code = sms.Values[MessageValues.Code]!.GetValue<string>();
        using var wrong = await user.SendAsync(HttpMethod.Post, "/v1/users/me/phone/verify", new { code = code == "000000" ? "111111" : "000000" });
        var phoneBefore = await PhoneOfAsync(user.UserId);
        var verified = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/users/me/phone/verify", new { code });
        using var again = await user.SendAsync(HttpMethod.Post, "/v1/users/me/phone/verify", new { code });

        Assert.True(sent.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(4));
        Assert.Equal((MessageChannels.Sms, "+447700900123"), (sms.Channel, sms.Recipient));
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal("CODE_INVALID", (await EnvelopeJson.ErrorOfAsync(wrong)).GetProperty("code").GetString());
        Assert.Null(phoneBefore);
        Assert.Equal("+447700900123", verified.GetProperty("phone").GetString());
        Assert.Equal("+447700900123", await PhoneOfAsync(user.UserId));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task A_phone_code_expires_after_five_minutes_and_a_number_that_is_not_one_is_refused_without_a_text()
    {
        var user = await ApiUser.RegisterAsync(app.Client);

        using var notANumber = await user.SendAsync(HttpMethod.Post, "/v1/users/me/phone", new { phone = "07700 900123" });
        await user.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, "/v1/users/me/phone", new { phone = "+15555550100" });
        var code = await SentMessages.LatestValueAsync(app.Database, user.UserId, MessageKinds.SmsVerification, MessageValues.Code);
        HttpResponseMessage late;
        app.Clock.Offset = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);
        try
        {
            late = await user.SendAsync(HttpMethod.Post, "/v1/users/me/phone/verify", new { code });
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        using (late)
        {
            Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
            Assert.Equal("VALIDATION_ERROR", (await EnvelopeJson.ErrorOfAsync(notANumber)).GetProperty("code").GetString());
            Assert.Equal(1, await SentMessages.CountAsync(app.Database, user.UserId, MessageKinds.SmsVerification));
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Equal("CODE_INVALID", (await EnvelopeJson.ErrorOfAsync(late)).GetProperty("code").GetString());
            Assert.Null(await PhoneOfAsync(user.UserId));
        }
    }

    [Fact]
    public async Task Sms_sign_in_texts_a_code_for_the_challenge_to_the_verified_phone_and_that_code_completes_it()
    {
        var user = await ApiUser.RegisterAsync(app.Client);
        using var tooEarly = await user.SendAsync(HttpMethod.Post, "/v1/users/me/2fa/sms");
        await user.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, "/v1/users/me/phone", new { phone = "+447700900456" });
        var phoneCode = await SentMessages.LatestValueAsync(app.Database, user.UserId, MessageKinds.SmsVerification, MessageValues.Code);
        await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/users/me/phone/verify", new { code = phoneCode });
        var enabled = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/users/me/2fa/sms");

        var challenge = await LoginAsync(user);
        using var sent = await app.Client.PostAsJsonAsync("/v1/auth/2fa/sms", new { challengeToken = challenge.GetProperty("challengeToken").GetString() });
        var sms = Assert.Single(await SentMessages.AllAsync(app.Database, user.UserId, MessageKinds.TwoFactorCode));
        using var signedIn = await VerifyAsync(challenge, sms.Values[MessageValues.Code]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Equal("PHONE_NOT_VERIFIED", (await EnvelopeJson.ErrorOfAsync(tooEarly)).GetProperty("code").GetString());
        Assert.True(enabled.GetProperty("status").GetProperty("smsEnabled").GetBoolean());
        Assert.Equal(10, enabled.GetProperty("backupCodes").GetArrayLength());
        Assert.Equal(["sms", "backup"], challenge.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal((MessageChannels.Sms, (string?)null), (sms.Channel, sms.Recipient));
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_sms_code_for_a_challenge_of_an_account_without_sms_sign_in_is_refused_and_texts_nothing()
    {
        var (user, _, _) = await WithAuthenticatorAsync();
        var challenge = await LoginAsync(user);

        using var refused = await app.Client.PostAsJsonAsync("/v1/auth/2fa/sms", new { challengeToken = challenge.GetProperty("challengeToken").GetString() });
        using var unknown = await app.Client.PostAsJsonAsync("/v1/auth/2fa/sms", new { challengeToken = "nonsense" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("TWO_FACTOR_NOT_ENABLED", (await EnvelopeJson.ErrorOfAsync(refused)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(0, await SentMessages.CountAsync(app.Database, user.UserId, MessageKinds.TwoFactorCode));
    }

    [Fact]
    public async Task A_developer_acting_as_a_user_cannot_change_how_they_sign_in()
    {
        var developer = await PlatformStaff.RegisterAsync(app.Client, app.Factory.Services, "developer");
        var target = await ApiUser.RegisterAsync(app.Client);
        var impersonation = await developer.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/admin/impersonate", new { userId = target.UserId });
        var actingAs = impersonation.GetProperty("accessToken").GetString();

        using var refused = await ApiUser.SendAsync(app.Client, HttpMethod.Post, "/v1/users/me/2fa/totp", actingAs);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<(ApiUser User, byte[] Secret, List<string> BackupCodes)> WithAuthenticatorAsync()
    {
        var user = await ApiUser.RegisterAsync(app.Client);
        var setup = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/users/me/2fa/totp");
        var secret = Base32.Decode(setup.GetProperty("secret").GetString()!)!;
        var enabled = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/users/me/2fa/totp/confirm", new { code = Totp.Code(secret, Totp.StepAt(DateTimeOffset.UtcNow)) });
        return (user, secret, [.. enabled.GetProperty("backupCodes").EnumerateArray().Select(c => c.GetString()!)]);
    }

    private async Task<JsonElement> LoginAsync(ApiUser user)
    {
        using var login = await app.Client.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return await EnvelopeJson.DataOfAsync(login);
    }

    private Task<HttpResponseMessage> VerifyAsync(JsonElement challenge, string code) =>
        app.Client.PostAsJsonAsync("/v1/auth/2fa/verify", new { challengeToken = challenge.GetProperty("challengeToken").GetString(), code });

    private async Task<string?> PhoneOfAsync(Guid userId)
    {
        var phones = await app.Database.ColumnAsync<string>("SELECT coalesce(phone, '') FROM users WHERE id = $1", userId);
        return Assert.Single(phones) is { Length: > 0 } phone ? phone : null;
    }

    /// <summary>A 6-digit code that is none of the window's.</summary>
    private static string WrongCode(byte[] secret)
    {
        var step = Totp.StepAt(DateTimeOffset.UtcNow);
        var window = Enumerable.Range(-2, 5).Select(offset => Totp.Code(secret, step + offset)).ToHashSet();
        return Enumerable.Range(0, 100).Select(n => (123456 + n).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !window.Contains(c));
    }
}
