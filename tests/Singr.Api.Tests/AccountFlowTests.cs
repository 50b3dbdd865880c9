using System.Net;
using System.Net.Http.Json;
using Singr.Grains.Interfaces.Accounts;
using Singr.Grains.Interfaces.Messaging;

namespace Singr.Api.Tests;

/// <summary>Email verification, password reset and magic-link sign-in, end to end: the emailed token is read from the outbox.</summary>
public sealed class AccountFlowTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private const string Password = "karaoke42";

    [Fact]
    public async Task Registering_emails_a_verification_link_and_a_welcome_and_the_link_verifies_the_email_once()
    {
        var user = await ApiUser.RegisterAsync(app.Client, "Verity");
        var verification = Assert.Single(await SentMessages.AllAsync(app.Database, user.UserId, MessageKinds.EmailVerification));
        var welcome = Assert.Single(await SentMessages.AllAsync(app.Database, user.UserId, MessageKinds.Welcome));
        var token = verification.Values[MessageValues.Token]!.GetValue<string>();
        var before = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/auth/me");

        var verified = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/auth/email/verify", new { token });
        using var again = await app.Client.PostAsJsonAsync("/v1/auth/email/verify", new { token });
        var after = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/auth/me");

        Assert.Equal((MessageChannels.Email, (string?)null), (verification.Channel, verification.Recipient));
        Assert.Equal("Verity", verification.Values[MessageValues.Name]!.GetValue<string>());
        Assert.StartsWith($"{user.UserId:N}.", token, StringComparison.Ordinal);
        Assert.Equal("Verity", welcome.Values[MessageValues.Name]!.GetValue<string>());
        Assert.False(before.GetProperty("emailVerified").GetBoolean());
        Assert.True(verified.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(user.Email.ToLowerInvariant(), verified.GetProperty("email").GetString());
        Assert.True(after.GetProperty("emailVerified").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("TOKEN_INVALID", (await EnvelopeJson.ErrorOfAsync(again)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_replaced_an_expired_and_an_unknown_verification_token_get_one_and_the_same_refusal()
    {
        var user = await ApiUser.RegisterAsync(app.Client, "late");
        var first = await SentMessages.LatestValueAsync(app.Database, user.UserId, MessageKinds.EmailVerification, MessageValues.Token);
        await user.ExpectAsync(HttpStatusCode.Accepted, HttpMethod.Post, "/v1/users/me/email/verification");
        var second = await SentMessages.LatestValueAsync(app.Database, user.UserId, MessageKinds.EmailVerification, MessageValues.Token);

        using var replaced = await app.Client.PostAsJsonAsync("/v1/auth/email/verify", new { token = first });
        using var unknown = await app.Client.PostAsJsonAsync("/v1/auth/email/verify", new { token = AccountToken.Compose(Guid.NewGuid(), "not-a-secret") });
        using var malformed = await app.Client.PostAsJsonAsync("/v1/auth/email/verify", new { token = "nonsense" });
        HttpResponseMessage expired;
        app.Clock.Offset = TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
        try
        {
            expired = await app.Client.PostAsJsonAsync("/v1/auth/email/verify", new { token = second });
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        using (expired)
        {
            var bodies = new List<string>();
            foreach (var refusal in new[] { replaced, expired, unknown, malformed })
            {
                Assert.Equal(HttpStatusCode.BadRequest, refusal.StatusCode);
                bodies.Add(await SentMessages.BodyWithoutMetaAsync(refusal));
            }

            Assert.Single(bodies.Distinct());
            Assert.Contains("\"code\":\"TOKEN_INVALID\"", bodies[0], StringComparison.Ordinal);
            Assert.Equal(2, await SentMessages.CountAsync(app.Database, user.UserId, MessageKinds.EmailVerification));
            Assert.False((await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/auth/me")).GetProperty("emailVerified").GetBoolean());
        }
    }

    [Fact]
    public async Task Asking_for_another_verification_link_once_verified_is_refused_and_emails_nothing()
    {
        var user = await ApiUser.RegisterAsync(app.Client);
        var token = await SentMessages.LatestValueAsync(app.Database, user.UserId, MessageKinds.EmailVerification, MessageValues.Token);
        await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/auth/email/verify", new { token });

        using var resend = await user.SendAsync(HttpMethod.Post, "/v1/users/me/email/verification");

        Assert.Equal(HttpStatusCode.Conflict, resend.StatusCode);
        Assert.Equal("EMAIL_ALREADY_VERIFIED", (await EnvelopeJson.ErrorOfAsync(resend)).GetProperty("code").GetString());
        Assert.Equal(1, await SentMessages.CountAsync(app.Database, user.UserId, MessageKinds.EmailVerification));
    }

    [Fact]
    public async Task Forgot_password_answers_a_known_and_an_unknown_email_byte_for_byte_alike_and_emails_only_the_known()
    {
        var user = await ApiUser.RegisterAsync(app.Client);
        var unknownEmail = ApiUser.UniqueEmail("nobody");
        var resetsBefore = await SentMessages.CountOfKindAsync(app.Database, MessageKinds.PasswordReset);

        using var known = await app.Client.PostAsJsonAsync("/v1/auth/password/forgot", new { email = user.Email.ToUpperInvariant() });
        using var unknown = await app.Client.PostAsJsonAsync("/v1/auth/password/forgot", new { email = unknownEmail });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Content.Headers.ContentType, unknown.Content.Headers.ContentType);
        Assert.Equal(await SentMessages.BodyWithoutMetaAsync(known), await SentMessages.BodyWithoutMetaAsync(unknown));
        Assert.Equal(resetsBefore + 1, await SentMessages.CountOfKindAsync(app.Database, MessageKinds.PasswordReset));
        Assert.Equal(1, await SentMessages.CountAsync(app.Database, user.UserId, MessageKinds.PasswordReset));
        Assert.Empty(await SentMessages.ToAddressAsync(app.Database, unknownEmail));
    }

    [Fact]
    public async Task A_reset_link_sets_the_new_password_once_and_ends_every_session_started_before_it()
    {
        var user = await ApiUser.RegisterAsync(app.Client, "Rita");
        var beforeA = await RefreshTokenOfAsync(await app.Client.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = Password }));
        var beforeB = await RefreshTokenOfAsync(await app.Client.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = Password }));
        (await app.Client.PostAsJsonAsync("/v1/auth/password/forgot", new { email = user.Email })).Dispose();
        var reset = await SentMessages.LatestAsync(app.Database, user.UserId, MessageKinds.PasswordReset);
        var token = reset[MessageValues.Token]!.GetValue<string>();

        using var changed = await app.Client.PostAsJsonAsync("/v1/auth/password/reset", new { token, password = "new-song-77" });
        using var reused = await app.Client.PostAsJsonAsync("/v1/auth/password/reset", new { token, password = "another-88" });
        using var oldPassword = await app.Client.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = Password });
        var after = await RefreshTokenOfAsync(await app.Client.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = "new-song-77" }));
        using var refreshA = await app.Client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = beforeA });
        using var refreshB = await app.Client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = beforeB });
        using var refreshAfter = await app.Client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = after });

        Assert.Equal("Rita", reset[MessageValues.Name]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.True((await EnvelopeJson.DataOfAsync(changed)).GetProperty("sessionsEnded").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("TOKEN_INVALID", (await EnvelopeJson.ErrorOfAsync(reused)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refreshA.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refreshB.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refreshAfter.StatusCode);
    }

    [Fact]
    public async Task A_reset_link_expires_after_an_hour_and_a_new_password_must_follow_the_registration_rules()
    {
        var user = await ApiUser.RegisterAsync(app.Client);
        (await app.Client.PostAsJsonAsync("/v1/auth/password/forgot", new { email = user.Email })).Dispose();
        var token = await SentMessages.LatestValueAsync(app.Database, user.UserId, MessageKinds.PasswordReset, MessageValues.Token);

        using var weak = await app.Client.PostAsJsonAsync("/v1/auth/password/reset", new { token, password = "lettersonly" });
        HttpResponseMessage late;
        app.Clock.Offset = TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1);
        try
        {
            late = await app.Client.PostAsJsonAsync("/v1/auth/password/reset", new { token, password = "new-song-77" });
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        using (late)
        {
            using var oldPassword = await app.Client.PostAsJsonAsync("/v1/auth/login", new { email = user.Email, password = Password });

            Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
            var error = await EnvelopeJson.ErrorOfAsync(weak);
            Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
            Assert.Equal("password", error.GetProperty("details")[0].GetProperty("field").GetString());
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Equal("TOKEN_INVALID", (await EnvelopeJson.ErrorOfAsync(late)).GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        }
    }

    [Fact]
    public async Task A_magic_link_signs_in_once_and_asking_for_one_answers_an_unknown_email_alike()
    {
        var user = await ApiUser.RegisterAsync(app.Client);
        var unknownEmail = ApiUser.UniqueEmail("nobody");
        var linksBefore = await SentMessages.CountOfKindAsync(app.Database, MessageKinds.MagicLink);

        using var known = await Post("/v1/auth/magic-link", new { email = user.Email }, from: "198.51.100.23");
        using var unknown = await Post("/v1/auth/magic-link", new { email = unknownEmail }, from: "198.51.100.23");
        var link = await SentMessages.LatestAsync(app.Database, user.UserId, MessageKinds.MagicLink);
        var token = link[MessageValues.Token]!.GetValue<string>();
        using var signedIn = await app.Client.PostAsJsonAsync("/v1/auth/magic-link/verify", new { token });
        using var again = await app.Client.PostAsJsonAsync("/v1/auth/magic-link/verify", new { token });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await SentMessages.BodyWithoutMetaAsync(known), await SentMessages.BodyWithoutMetaAsync(unknown));
        Assert.Equal(linksBefore + 1, await SentMessages.CountOfKindAsync(app.Database, MessageKinds.MagicLink));
        Assert.Equal("198.51.100.23", link[MessageValues.ClientAddress]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var session = await EnvelopeJson.DataOfAsync(signedIn);
        Assert.Equal(user.UserId, session.GetProperty("user").GetProperty("userId").GetGuid());
        Assert.True(session.GetProperty("user").GetProperty("emailVerified").GetBoolean());
        Assert.False(string.IsNullOrEmpty(session.GetProperty("accessToken").GetString()));
        using var refreshed = await app.Client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = session.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("TOKEN_INVALID", (await EnvelopeJson.ErrorOfAsync(again)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_magic_link_expires_after_15_minutes_and_a_newer_one_replaces_it()
    {
        var user = await ApiUser.RegisterAsync(app.Client);
        (await app.Client.PostAsJsonAsync("/v1/auth/magic-link", new { email = user.Email })).Dispose();
        var first = await SentMessages.LatestValueAsync(app.Database, user.UserId, MessageKinds.MagicLink, MessageValues.Token);
        (await app.Client.PostAsJsonAsync("/v1/auth/magic-link", new { email = user.Email })).Dispose();
        var second = await SentMessages.LatestValueAsync(app.Database, user.UserId, MessageKinds.MagicLink, MessageValues.Token);

        using var replaced = await app.Client.PostAsJsonAsync("/v1/auth/magic-link/verify", new { token = first });
        HttpResponseMessage late;
        app.Clock.Offset = TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1);
        try
        {
            late = await app.Client.PostAsJsonAsync("/v1/auth/magic-link/verify", new { token = second });
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        using (late)
        {
            Assert.NotEqual(first, second);
            Assert.Equal(HttpStatusCode.BadRequest, replaced.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Equal(await SentMessages.BodyWithoutMetaAsync(replaced), await SentMessages.BodyWithoutMetaAsync(late));
        }
    }

    [Fact]
    public async Task A_malformed_email_is_a_validation_error_and_emails_nothing()
    {
        var resetsBefore = await SentMessages.CountOfKindAsync(app.Database, MessageKinds.PasswordReset);

        using var forgot = await app.Client.PostAsJsonAsync("/v1/auth/password/forgot", new { email = "not-an-email" });
        using var magic = await app.Client.PostAsJsonAsync("/v1/auth/magic-link", new { email = (string?)null });

        Assert.Equal(HttpStatusCode.BadRequest, forgot.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, magic.StatusCode);
        Assert.Equal("VALIDATION_ERROR", (await EnvelopeJson.ErrorOfAsync(forgot)).GetProperty("code").GetString());
        Assert.Equal(resetsBefore, await SentMessages.CountOfKindAsync(app.Database, MessageKinds.PasswordReset));
    }

    [Fact]
    public async Task An_invitation_is_emailed_to_the_invitee_with_its_accept_token_and_a_refused_one_emails_nothing()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client, "Olive");
        var invitee = ApiUser.UniqueEmail("guest-singer");
        var refusedInvitee = ApiUser.UniqueEmail("refused");

        var invitation = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/customer/invitations", new { email = invitee.ToUpperInvariant(), role = "customer_staff" });
        using var refused = await owner.SendAsync(HttpMethod.Post, "/v1/customer/invitations", new { email = refusedInvitee, role = "emperor" });
        var (kind, values) = Assert.Single(await SentMessages.ToAddressAsync(app.Database, invitee));

        Assert.Equal(MessageKinds.Invitation, kind);
        Assert.Equal(invitation.GetProperty("token").GetString(), values[MessageValues.Token]!.GetValue<string>());
        Assert.Equal("Olive", values[MessageValues.InviterName]!.GetValue<string>());
        Assert.Equal("Olive's bars", values[MessageValues.OrganisationName]!.GetValue<string>());
        Assert.Equal("customer_staff", values[MessageValues.Role]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty(await SentMessages.ToAddressAsync(app.Database, refusedInvitee));
    }

    private async Task<HttpResponseMessage> Post(string path, object body, string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add(TestClientAddress.HeaderName, from);
        return await app.Client.SendAsync(request);
    }

    private static async Task<string> RefreshTokenOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return (await EnvelopeJson.DataOfAsync(response)).GetProperty("refreshToken").GetString()!;
        }
    }
}
