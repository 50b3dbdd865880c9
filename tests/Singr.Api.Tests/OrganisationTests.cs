using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Singr.Api.Tests;

public sealed class OrganisationTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task Creating_an_organisation_makes_the_creator_its_owner_and_the_token_act_for_it()
    {
        var user = await ApiUser.RegisterAsync(app.Client, "founder");

        var customerId = await user.CreateOrganisationAsync("Friday Night Karaoke Ltd");
        var mine = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customers");
        var active = await user.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer");

        Assert.Equal(customerId.ToString("D"), new JsonWebToken(user.Token).GetClaim("customer_id").Value);
        var membership = Assert.Single(mine.EnumerateArray());
        Assert.Equal("customer_owner", membership.GetProperty("role").GetString());
        Assert.True(membership.GetProperty("active").GetBoolean());
        Assert.Equal("Friday Night Karaoke Ltd", active.GetProperty("customer").GetProperty("name").GetString());
        Assert.Contains("organization:write", active.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task An_invitation_admits_the_invited_email_once_with_its_role()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var manager = await ApiUser.RegisterAsync(app.Client, "manager");
        var stranger = await ApiUser.RegisterAsync(app.Client, "stranger");
        var invitation = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/customer/invitations",
            new { email = manager.Email.ToUpperInvariant(), role = "customer_manager" });
        var token = invitation.GetProperty("token").GetString();

        using var byStranger = await stranger.SendAsync(HttpMethod.Post, "/v1/invitations/accept", new { token });
        using var accepted = await manager.SendAsync(HttpMethod.Post, "/v1/invitations/accept", new { token });
        using var again = await manager.SendAsync(HttpMethod.Post, "/v1/invitations/accept", new { token });
        await manager.SwitchToAsync(customerId);
        var members = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/members");

        Assert.Equal(HttpStatusCode.Forbidden, byStranger.StatusCode);
        Assert.Equal("INVITATION_EMAIL_MISMATCH", (await EnvelopeJson.ErrorOfAsync(byStranger)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("customer_manager", (await EnvelopeJson.DataOfAsync(accepted)).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("INVITATION_INVALID", (await EnvelopeJson.ErrorOfAsync(again)).GetProperty("code").GetString());
        Assert.Equal(
            [(owner.UserId, "customer_owner"), (manager.UserId, "customer_manager")],
            members.EnumerateArray().Select(m => (m.GetProperty("userId").GetGuid(), m.GetProperty("role").GetString())).ToList());
        Assert.Empty((await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/invitations")).EnumerateArray());
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var invitee = await ApiUser.RegisterAsync(app.Client, "late");
        var invitation = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/customer/invitations",
            new { email = invitee.Email, role = "customer_staff" });

        app.Clock.Offset = TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1);
        HttpResponseMessage late;
        try
        {
            late = await invitee.SendAsync(HttpMethod.Post, "/v1/invitations/accept", new { token = invitation.GetProperty("token").GetString() });
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        using (late)
        {
            Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
            Assert.Equal("INVITATION_INVALID", (await EnvelopeJson.ErrorOfAsync(late)).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task The_last_owner_can_be_neither_removed_nor_demoted_until_another_owner_exists()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var partner = await ApiUser.RegisterAsync(app.Client, "partner");
        await owner.AddMemberAsync(partner, customerId, "customer_manager");

        using var removeLast = await owner.SendAsync(HttpMethod.Delete, $"/v1/customer/members/{owner.UserId}");
        using var demoteLast = await owner.SendAsync(HttpMethod.Patch, $"/v1/customer/members/{owner.UserId}", new { role = "customer_staff" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/customer/members/{partner.UserId}", new { role = "customer_owner" });
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/customer/members/{owner.UserId}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, removeLast.StatusCode);
        Assert.Equal("LAST_OWNER", (await EnvelopeJson.ErrorOfAsync(removeLast)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demoteLast.StatusCode);
        var members = await partner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/members");
        Assert.Equal([partner.UserId], members.EnumerateArray().Select(m => m.GetProperty("userId").GetGuid()).ToList());
    }

    [Fact]
    public async Task A_removed_member_loses_access_at_once_even_with_an_unexpired_token()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");
        await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/venues");

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/customer/members/{staff.UserId}");
        using var after = await staff.SendAsync(HttpMethod.Get, "/v1/customer/venues");

        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal("CUSTOMER_CONTEXT_REQUIRED", (await EnvelopeJson.ErrorOfAsync(after)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Only_owners_manage_members_and_a_member_may_leave()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var manager = await ApiUser.RegisterAsync(app.Client, "manager");
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(manager, customerId, "customer_manager");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");

        using var managerInvites = await manager.SendAsync(HttpMethod.Post, "/v1/customer/invitations", new { email = ApiUser.UniqueEmail(), role = "customer_owner" });
        using var managerPromotes = await manager.SendAsync(HttpMethod.Patch, $"/v1/customer/members/{manager.UserId}", new { role = "customer_owner" });
        using var managerRemovesStaff = await manager.SendAsync(HttpMethod.Delete, $"/v1/customer/members/{staff.UserId}");
        await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/customer/members/{staff.UserId}");

        foreach (var refused in new[] { managerInvites, managerPromotes, managerRemovesStaff })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("PERMISSION_DENIED", (await EnvelopeJson.ErrorOfAsync(refused)).GetProperty("code").GetString());
        }

        var members = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/members");
        Assert.Equal(
            ["customer_owner", "customer_manager"],
            members.EnumerateArray().Select(m => m.GetProperty("role").GetString()).ToList());
    }

    [Fact]
    public async Task Bad_organisation_and_invitation_input_is_reported_by_field_and_changes_nothing()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);

        using var noName = await owner.SendAsync(HttpMethod.Post, "/v1/customers", new { name = "  " });
        using var badInvite = await owner.SendAsync(HttpMethod.Post, "/v1/customer/invitations", new { email = "nope", role = "emperor" });
        using var badRole = await owner.SendAsync(HttpMethod.Patch, $"/v1/customer/members/{owner.UserId}", new { role = "admin" });

        Assert.Equal(["name"], await FieldsAsync(noName));
        Assert.Equal(["email", "role"], await FieldsAsync(badInvite));
        Assert.Equal(["role"], await FieldsAsync(badRole));
        Assert.Single((await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customers")).EnumerateArray());
        Assert.Empty((await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/invitations")).EnumerateArray());
    }

    [Fact]
    public async Task Switching_to_an_organisation_one_does_not_belong_to_is_404_and_keeps_the_token()
    {
        var (_, theirs) = await ApiUser.RegisterOwnerAsync(app.Client, "other");
        var (owner, mine) = await ApiUser.RegisterOwnerAsync(app.Client);

        using var response = await owner.SendAsync(HttpMethod.Post, "/v1/auth/switch-customer", new { customerId = theirs });
        var active = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(mine, active.GetProperty("customer").GetProperty("customerId").GetGuid());
    }

    [Fact]
    public async Task A_user_in_two_organisations_acts_for_the_one_they_choose()
    {
        var (owner, first) = await ApiUser.RegisterOwnerAsync(app.Client);
        var second = await owner.CreateOrganisationAsync("Second Bar Co");
        var venueOfSecond = await owner.CreateVenueAsync();

        await owner.SwitchToAsync(first);
        var venuesOfFirst = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/venues");
        await owner.SwitchToAsync(second);
        var venuesOfSecondAgain = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/venues");

        Assert.Empty(venuesOfFirst.GetProperty("items").EnumerateArray());
        Assert.Equal([venueOfSecond], venuesOfSecondAgain.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("venueId").GetString()).ToList());
        Assert.Equal(2, (await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customers")).GetArrayLength());
    }

    private static async Task<List<string?>> FieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await EnvelopeJson.ErrorOfAsync(response);
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        return [.. error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString())];
    }
}
