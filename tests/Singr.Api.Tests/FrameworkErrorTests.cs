using System.Net;
using System.Text;

namespace Singr.Api.Tests;

/// <summary>Errors the framework produces before a handler runs still answer in the envelope.</summary>
public sealed class FrameworkErrorTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Theory]
    [InlineData("{\"venueId\": \"bar-1\", \"name\": ", "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST", "name")]
    [InlineData("{\"venueId\": 42, \"name\": [] }", "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST", "venueId")]
    [InlineData("venueId=bar-1", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", null)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest, "BAD_REQUEST", null)]
    public async Task A_body_that_cannot_be_bound_is_refused_in_the_envelope_and_creates_nothing(string body, string contentType, HttpStatusCode status, string code, string? field)
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/venues", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Authorization = new("Bearer", owner.Token);

        using var response = await app.Client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        var error = await EnvelopeJson.ErrorOfAsync(response);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()).SingleOrDefault());
        var venues = await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/v1/customer/venues");
        Assert.Equal(0, venues.GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("POST", "/v1/venues")]
    [InlineData("GET", "/v1/customer/members")]
    [InlineData("GET", "/v1/admin/audit")]
    [InlineData("POST", "/v1/venues/demo-venue/players/pairing-codes")]
    public async Task A_protected_route_without_a_token_is_401_in_the_envelope(string method, string path)
    {
        using var response = await ApiUser.SendAsync(app.Client, new HttpMethod(method), path, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await EnvelopeJson.ErrorOfAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_account_without_an_organisation_is_told_to_choose_one()
    {
        var user = await ApiUser.RegisterAsync(app.Client, "loner");

        using var response = await user.SendAsync(HttpMethod.Post, "/v1/venues", new { venueId = ApiUser.UniqueSlug(), name = "Mine", timezone = "UTC" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("CUSTOMER_CONTEXT_REQUIRED", (await EnvelopeJson.ErrorOfAsync(response)).GetProperty("code").GetString());
    }
}
