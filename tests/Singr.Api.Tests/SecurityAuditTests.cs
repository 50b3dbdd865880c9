using System.Net;
using System.Text.Json;
using Singr.Api.Audit;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>
/// Failed sign-ins, refused permission checks and rejected tokens reach the platform's audit trail: who and why,
/// never a password or a token, and at most once a minute for each kind and client address.
/// </summary>
public sealed class SecurityAuditTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    private const string Password = "hunter2-not-theirs";

    [Fact]
    public async Task Failed_sign_ins_are_audited_once_a_minute_per_address_without_the_password_and_the_next_row_counts_the_rest()
    {
        var email = ApiUser.UniqueEmail("target");
        const string address = "203.0.113.77";
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await SignInAsync(email, address);
        }

        var admin = await AdminAsync();
        var first = Assert.Single(await EventuallyAsync(admin, SecurityAudit.SignInFailed, r => r.GetProperty("actorEmail").GetString() == email, 1));
        app.Clock.Offset += SecurityAudit.Window + TimeSpan.FromSeconds(1);
        try
        {
            await SignInAsync(email, address);
            var rows = await EventuallyAsync(admin, SecurityAudit.SignInFailed, r => r.GetProperty("actorEmail").GetString() == email, 2);

            Assert.Equal((email, address), (first.GetProperty("resourceId").GetString(), first.GetProperty("clientAddress").GetString()));
            Assert.Equal(0, first.GetProperty("after").GetProperty("unrecordedBefore").GetInt32());
            Assert.Equal(2, rows[0].GetProperty("after").GetProperty("unrecordedBefore").GetInt32());
            Assert.All(rows, r => Assert.DoesNotContain(Password, r.GetRawText(), StringComparison.Ordinal));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_refused_permission_check_is_audited_with_the_member_the_permission_and_the_route()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");

        using var refused = await staff.SendAsync(HttpMethod.Delete, $"/v1/venues/{slug}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var row = Assert.Single(await EventuallyAsync(await AdminAsync(), SecurityAudit.PermissionRefused, r => r.GetProperty("actorEmail").GetString() == staff.Email, 1));
        Assert.Equal(staff.UserId, row.GetProperty("actorId").GetGuid());
        Assert.Equal(customerId, row.GetProperty("customerId").GetGuid());
        Assert.Equal("DELETE /v1/venues/{venueId}", row.GetProperty("resourceId").GetString());
        Assert.Equal("venues:delete", row.GetProperty("after").GetProperty("details").GetProperty("permission").GetString());
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/venues/{slug}");
    }

    [Theory]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "not signed by Singr", "198.51.100.21")]
    [InlineData("not-a-token", "malformed", "198.51.100.22")]
    public async Task A_rejected_token_is_audited_with_why_and_never_the_token(string token, string reason, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/customer", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        request.Headers.Add(TestClientAddress.HeaderName, address);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var row = Assert.Single(await EventuallyAsync(await AdminAsync(), SecurityAudit.TokenRejected, r => r.GetProperty("clientAddress").GetString() == address, 1));
        Assert.Equal(reason, row.GetProperty("after").GetProperty("details").GetProperty("reason").GetString());
        Assert.DoesNotContain(token, row.GetRawText(), StringComparison.Ordinal);
    }

    private async Task SignInAsync(string email, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/auth/login", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email, password = Password }),
        };
        request.Headers.Add(TestClientAddress.HeaderName, address);
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<ApiUser> AdminAsync() => PlatformStaff.RegisterAsync(app.Client, app.Factory.Services, "admin");

    /// <summary>The rows of <paramref name="action"/> that match, newest first, once there are <paramref name="count"/> (they are written beside the request).</summary>
    private static async Task<List<JsonElement>> EventuallyAsync(ApiUser admin, string action, Func<JsonElement, bool> match, int count)
    {
        List<JsonElement> rows = [];
        await Eventually.TrueAsync(
            async () =>
            {
                var page = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/admin/audit?action={action}&limit=100");
                rows = [.. page.GetProperty("items").EnumerateArray().Where(match)];
                return rows.Count >= count;
            },
            TimeSpan.FromSeconds(10),
            $"{count} {action} rows");
        await Task.Delay(200);
        var settled = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/admin/audit?action={action}&limit=100");
        return [.. settled.GetProperty("items").EnumerateArray().Where(match)];
    }
}
