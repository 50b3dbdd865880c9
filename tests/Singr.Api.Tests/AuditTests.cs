using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Singr.Api.Tests;

public sealed class AuditTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task A_hosts_change_is_audited_with_who_what_where_before_after_and_the_request_id()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync(name: "Before Name");
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"/v1/venues/{slug}", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "After Name" }),
        };
        request.Headers.Authorization = new("Bearer", owner.Token);
        request.Headers.Add("X-Request-Id", "audit-test-req-1");
        (await app.Client.SendAsync(request)).EnsureSuccessStatusCode();

        var page = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/customer/audit?action=venue.update&venueId={slug}");
        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());

        Assert.Equal(owner.UserId, entry.GetProperty("actorId").GetGuid());
        Assert.Equal(owner.Email, entry.GetProperty("actorEmail").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("actingAsId").ValueKind);
        Assert.Equal("customer_owner", entry.GetProperty("actorRole").GetString());
        Assert.Equal(customerId, entry.GetProperty("customerId").GetGuid());
        Assert.Equal("venue", entry.GetProperty("resourceType").GetString());
        Assert.Equal("Before Name", entry.GetProperty("before").GetProperty("name").GetString());
        Assert.Equal("After Name", entry.GetProperty("after").GetProperty("name").GetString());
        Assert.Equal("audit-test-req-1", entry.GetProperty("requestId").GetString());
        Assert.Equal(2, (await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/audit?action=venue.")).GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_organisation_sees_only_its_own_trail_and_only_its_owners_see_it()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var (otherOwner, _) = await ApiUser.RegisterOwnerAsync(app.Client, "other");
        await otherOwner.CreateVenueAsync();
        var manager = await ApiUser.RegisterAsync(app.Client, "manager");
        await owner.AddMemberAsync(manager, customerId, "customer_manager");

        var mine = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/audit?limit=100");
        using var byManager = await manager.SendAsync(HttpMethod.Get, "/v1/customer/audit");
        using var byOwnerOnAdminTrail = await owner.SendAsync(HttpMethod.Get, "/v1/admin/audit");

        Assert.All(mine.GetProperty("items").EnumerateArray(), e => Assert.Equal(customerId, e.GetProperty("customerId").GetGuid()));
        Assert.Equal(
            ["member.join", "member.invite", "customer.create"],
            mine.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList());
        Assert.Equal(HttpStatusCode.Forbidden, byManager.StatusCode);
        Assert.Equal("OWNER_REQUIRED", (await EnvelopeJson.ErrorOfAsync(byManager)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byOwnerOnAdminTrail.StatusCode);
    }

    [Fact]
    public async Task Platform_staff_read_every_organisations_trail_filtered_by_actor_and_time()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        await owner.CreateVenueAsync();
        var support = await PlatformUserAsync("support_admin");

        var byActor = await support.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/admin/audit?actor={owner.UserId}");
        var future = await support.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/admin/audit?actor={owner.UserId}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}");
        using var badFilter = await support.SendAsync(HttpMethod.Get, "/v1/admin/audit?actor=someone&from=yesterday");

        Assert.Equal(["venue.create", "customer.create"], byActor.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList());
        Assert.Equal(0, future.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Equal(
            ["actor", "from"],
            (await EnvelopeJson.ErrorOfAsync(badFilter)).GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList());
    }

    [Fact]
    public async Task A_developer_acts_as_a_user_for_five_minutes_and_every_action_is_audited_with_both_identities()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync(name: "Support Case");
        var developer = await PlatformUserAsync("developer");

        var session = await developer.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/v1/admin/impersonate", new { userId = owner.UserId });
        var token = session.GetProperty("accessToken").GetString();
        var jwt = new JsonWebToken(token);
        using var change = await ApiUser.SendAsync(app.Client, HttpMethod.Patch, $"/v1/venues/{slug}", token, new { name = "Fixed By Support" });
        using var escalate = await ApiUser.SendAsync(app.Client, HttpMethod.Post, "/v1/admin/impersonate", token, new { email = owner.Email });

        Assert.Equal(owner.UserId.ToString("D"), jwt.Subject);
        Assert.Equal(developer.UserId.ToString("D"), jwt.GetClaim("act_sub").Value);
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5.1));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, escalate.StatusCode);

        var trail = await developer.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/admin/audit?actor={developer.UserId}");
        var actions = trail.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["venue.update", "user.impersonation.start"], actions.Select(e => e.GetProperty("action").GetString()).ToList());
        Assert.All(actions, e =>
        {
            Assert.Equal(developer.UserId, e.GetProperty("actorId").GetGuid());
            Assert.Equal(owner.UserId, e.GetProperty("actingAsId").GetGuid());
            Assert.Equal(owner.Email, e.GetProperty("actingAsEmail").GetString());
        });
        Assert.Equal(customerId, actions[0].GetProperty("customerId").GetGuid());
        var ownersView = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/audit?action=venue.update");
        Assert.Equal(developer.UserId, ownersView.GetProperty("items")[0].GetProperty("actorId").GetGuid());
    }

    [Fact]
    public async Task Nobody_impersonates_platform_staff_and_only_developers_impersonate()
    {
        var developer = await PlatformUserAsync("developer");
        var admin = await PlatformUserAsync("admin");
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);

        using var staffTarget = await developer.SendAsync(HttpMethod.Post, "/v1/admin/impersonate", new { email = admin.Email });
        using var byAdmin = await admin.SendAsync(HttpMethod.Post, "/v1/admin/impersonate", new { userId = owner.UserId });
        using var byOwner = await owner.SendAsync(HttpMethod.Post, "/v1/admin/impersonate", new { userId = owner.UserId });
        using var unknown = await developer.SendAsync(HttpMethod.Post, "/v1/admin/impersonate", new { userId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Forbidden, staffTarget.StatusCode);
        Assert.Equal("CANNOT_IMPERSONATE_PLATFORM_USER", (await EnvelopeJson.ErrorOfAsync(staffTarget)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_admin_grants_platform_roles_and_the_grant_is_audited()
    {
        var admin = await PlatformUserAsync("admin");
        var user = await ApiUser.RegisterAsync(app.Client, "future-support");

        await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/v1/admin/users/{user.UserId}/platform-role", new { role = "support_admin" });
        await user.SignInAgainAsync();
        var trail = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/v1/admin/audit?action=user.platform_role.set&actor={admin.UserId}");

        var entry = Assert.Single(trail.GetProperty("items").EnumerateArray());
        Assert.Equal(user.UserId.ToString("D"), entry.GetProperty("resourceId").GetString());
        Assert.Equal("support_admin", entry.GetProperty("after").GetProperty("platformRole").GetString());
    }

    private Task<ApiUser> PlatformUserAsync(string role) => PlatformStaff.RegisterAsync(app.Client, app.Factory.Services, role);
}
