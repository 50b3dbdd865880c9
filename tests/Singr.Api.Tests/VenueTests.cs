using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Singr.Api.Tests;

public sealed class VenueTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task An_organisation_creates_updates_and_deletes_a_venue_that_the_public_sees_by_its_slug()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = ApiUser.UniqueSlug("main-bar");

        var created = await owner.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/venues",
            new { venueId = slug.ToUpperInvariant(), name = "Main Bar", timezone = "Europe/Dublin", address = "2 Quay St" });
        var seen = await PublicAsync(HttpStatusCode.OK, $"/v1/venues/{slug}");
        var renamedSlug = ApiUser.UniqueSlug("renamed");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}", new { venueId = renamedSlug, name = "Main Bar & Grill" });
        var afterUpdate = await PublicAsync(HttpStatusCode.OK, $"/v1/venues/{renamedSlug}");
        await PublicAsync(HttpStatusCode.NotFound, $"/v1/venues/{slug}");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/venues/{renamedSlug}");

        Assert.Equal(slug, created.GetProperty("venueId").GetString());
        Assert.Equal("Main Bar", seen.GetProperty("name").GetString());
        Assert.Equal("Europe/Dublin", seen.GetProperty("timezone").GetString());
        Assert.False(seen.TryGetProperty("customerId", out _));
        Assert.Equal("Main Bar & Grill", afterUpdate.GetProperty("name").GetString());
        Assert.Equal("2 Quay St", afterUpdate.GetProperty("address").GetString());
        await PublicAsync(HttpStatusCode.NotFound, $"/v1/venues/{renamedSlug}");
        Assert.Empty((await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/venues")).GetProperty("items").EnumerateArray());
        Assert.Equal(1L, await app.Database.ScalarAsync<long>("SELECT count(*) FROM venues WHERE slug = $1 AND deleted_at IS NOT NULL", renamedSlug));
    }

    [Fact]
    public async Task A_slug_in_use_by_any_organisation_is_409_and_a_deleted_venues_slug_is_free_again()
    {
        var (first, _) = await ApiUser.RegisterOwnerAsync(app.Client, "first");
        var (second, _) = await ApiUser.RegisterOwnerAsync(app.Client, "second");
        var slug = await first.CreateVenueAsync(name: "Original");

        using var taken = await second.SendAsync(HttpMethod.Post, "/v1/venues", new { venueId = slug, name = "Copycat", timezone = "UTC" });
        var secondsOwn = await second.CreateVenueAsync();
        using var renameOntoIt = await second.SendAsync(HttpMethod.Patch, $"/v1/venues/{secondsOwn}", new { venueId = slug });
        await first.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/venues/{slug}");
        await second.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/v1/venues", new { venueId = slug, name = "Reborn", timezone = "UTC" });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("SLUG_TAKEN", (await EnvelopeJson.ErrorOfAsync(taken)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, renameOntoIt.StatusCode);
        Assert.Equal(secondsOwn, (await PublicAsync(HttpStatusCode.OK, $"/v1/venues/{secondsOwn}")).GetProperty("venueId").GetString());
        Assert.Equal("Reborn", (await PublicAsync(HttpStatusCode.OK, $"/v1/venues/{slug}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Organisations_racing_for_one_slug_get_exactly_one_venue()
    {
        var owners = new List<ApiUser>();
        for (var i = 0; i < 6; i++)
        {
            owners.Add((await ApiUser.RegisterOwnerAsync(app.Client, $"racer{i}")).Owner);
        }

        var slug = ApiUser.UniqueSlug("contested");
        var responses = await Task.WhenAll(owners.Select(o => o.SendAsync(HttpMethod.Post, "/v1/venues", new { venueId = slug, name = "Mine", timezone = "UTC" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1L, await app.Database.ScalarAsync<long>("SELECT count(*) FROM venues WHERE slug = $1", slug));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Invalid_venue_fields_are_each_reported_and_nothing_is_created()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);

        using var response = await owner.SendAsync(HttpMethod.Post, "/v1/venues",
            new { venueId = "Main Bar!", name = "", timezone = "Mars/Olympus_Mons", address = new string('a', 501) });
        var error = await EnvelopeJson.ErrorOfAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["venueId", "name", "timezone", "address"],
            error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList());
        Assert.Equal(0, (await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/venues")).GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_public_list_pages_and_searches_by_name()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var marker = Guid.NewGuid().ToString("N")[..10];
        foreach (var name in new[] { $"Alpha {marker} Lounge", $"Beta {marker} Pub", $"Gamma {marker} Club" })
        {
            await owner.CreateVenueAsync(name: name);
        }

        var firstPage = await PublicAsync(HttpStatusCode.OK, $"/v1/venues?search={marker.ToUpperInvariant()}&limit=2");
        var secondPage = await PublicAsync(HttpStatusCode.OK, $"/v1/venues?search={marker}&limit=2&page=2");
        var onlyPub = await PublicAsync(HttpStatusCode.OK, $"/v1/venues?search=beta%20{marker}");
        using var tooMany = await app.Client.GetAsync(new Uri("/v1/venues?limit=101&page=0", UriKind.Relative));

        Assert.Equal([$"Alpha {marker} Lounge", $"Beta {marker} Pub"], Names(firstPage));
        Assert.Equal(3, firstPage.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal(2, firstPage.GetProperty("pagination").GetProperty("totalPages").GetInt32());
        Assert.Equal([$"Gamma {marker} Club"], Names(secondPage));
        Assert.Equal([$"Beta {marker} Pub"], Names(onlyPub));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(
            ["page", "limit"],
            (await EnvelopeJson.ErrorOfAsync(tooMany)).GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).ToList());
    }

    [Fact]
    public async Task Staff_without_venues_write_get_403_on_updates_and_the_venue_is_unchanged()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync(name: "Untouched");
        var staff = await ApiUser.RegisterAsync(app.Client, "staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");

        using var update = await staff.SendAsync(HttpMethod.Patch, $"/v1/venues/{slug}", new { name = "Hijacked" });
        using var delete = await staff.SendAsync(HttpMethod.Delete, $"/v1/venues/{slug}");
        var listed = await staff.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/venues");

        Assert.Equal(HttpStatusCode.Forbidden, update.StatusCode);
        var error = await EnvelopeJson.ErrorOfAsync(update);
        Assert.Equal("PERMISSION_DENIED", error.GetProperty("code").GetString());
        Assert.Equal("venues:write", error.GetProperty("details")[0].GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("Untouched", (await PublicAsync(HttpStatusCode.OK, $"/v1/venues/{slug}")).GetProperty("name").GetString());
        Assert.Equal([slug], listed.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("venueId").GetString()).ToList());
    }

    [Fact]
    public async Task A_manager_may_update_but_not_delete_a_venue()
    {
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var manager = await ApiUser.RegisterAsync(app.Client, "manager");
        await owner.AddMemberAsync(manager, customerId, "customer_manager");

        await manager.ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, $"/v1/venues/{slug}", new { address = "3 New Road" });
        using var delete = await manager.SendAsync(HttpMethod.Delete, $"/v1/venues/{slug}");

        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("3 New Road", (await PublicAsync(HttpStatusCode.OK, $"/v1/venues/{slug}")).GetProperty("address").GetString());
    }

    [Fact]
    public async Task A_guest_token_for_one_venue_is_refused_at_another()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var venueX = await owner.CreateVenueAsync();
        var venueY = await owner.CreateVenueAsync();
        using var guest = await app.Client.PostAsJsonAsync("/v1/auth/guest", new { venueId = venueX, deviceId = "kiosk-000001" });
        var token = (await EnvelopeJson.DataOfAsync(guest)).GetProperty("accessToken").GetString();

        using var atX = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/venues/{venueX}/me", token);
        using var atY = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/venues/{venueY}/me", token);
        using var hostRoute = await ApiUser.SendAsync(app.Client, HttpMethod.Patch, $"/v1/venues/{venueX}", token, new { name = "Guest was here" });

        Assert.Equal(HttpStatusCode.OK, atX.StatusCode);
        Assert.Equal("guest", (await EnvelopeJson.DataOfAsync(atX)).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, atY.StatusCode);
        Assert.Equal("VENUE_MISMATCH", (await EnvelopeJson.ErrorOfAsync(atY)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, hostRoute.StatusCode);
        Assert.Equal("ACCOUNT_REQUIRED", (await EnvelopeJson.ErrorOfAsync(hostRoute)).GetProperty("code").GetString());
    }

    private async Task<JsonElement> PublicAsync(HttpStatusCode status, string path)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(status, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("success").GetBoolean() ? body.GetProperty("data").Clone() : body.GetProperty("error").Clone();
    }

    private static List<string?> Names(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("name").GetString())];
}
