using System.Net;

namespace Singr.Api.Tests;

public sealed class MyRequestsTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task A_patron_sees_only_their_own_requests_newest_first_with_the_place_of_those_still_waiting()
    {
        var (owner, _) = await ApiUser.RegisterOwnerAsync(app.Client);
        var slug = await owner.CreateVenueAsync();
        var (player, _) = await VenueActions.PairAsync(app.Client, owner, slug);
        var ann = await ApiUser.GuestTokenAsync(app.Client, slug);
        var bob = await ApiUser.GuestTokenAsync(app.Client, slug);
        var first = await VenueActions.RequestAsync(app.Client, ann, slug, "Ann Plays First");
        await VenueActions.RequestAsync(app.Client, bob, slug, "Bob In Between");
        await VenueActions.RequestAsync(app.Client, ann, slug, "Ann Waits");
        await VenueActions.ReportAsync(app.Client, player, slug, "playing", first);

        var annsRequests = await MineAsync(ann, slug);
        var bobsRequests = await MineAsync(bob, slug);
        using var asPlayer = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/venues/{slug}/requests/mine", player);

        Assert.Equal(
            [("Ann Waits", "queued", 2), ("Ann Plays First", "playing", 0)],
            annsRequests.Select(r => (r.GetProperty("title").GetString(), r.GetProperty("status").GetString(), Position(r))));
        Assert.NotNull(annsRequests[0].GetProperty("estimatedStartAt").GetString());
        Assert.Equal(["Bob In Between"], bobsRequests.Select(r => r.GetProperty("title").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, asPlayer.StatusCode);

        static int Position(System.Text.Json.JsonElement request) =>
            request.TryGetProperty("position", out var position) && position.ValueKind == System.Text.Json.JsonValueKind.Number ? position.GetInt32() : 0;
    }

    private async Task<List<System.Text.Json.JsonElement>> MineAsync(string token, string slug)
    {
        using var response = await ApiUser.SendAsync(app.Client, HttpMethod.Get, $"/v1/venues/{slug}/requests/mine", token);
        return [.. (await EnvelopeJson.DataOfAsync(response)).EnumerateArray()];
    }
}
