using System.Net;
using Microsoft.AspNetCore.Hosting;
using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>Live connections close once their access is withdrawn: a revoked player, a member removed from the team.</summary>
public sealed class LiveAccessRevocationTests : DatabaseTest
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_revoked_players_connection_and_a_removed_members_dashboard_are_closed()
    {
        await using var app = new SingrApiFactory(Database);
        await using var factory = app.WithWebHostBuilder(builder => builder.UseSetting("Singr:Hubs:AccessCheckInterval", "00:00:01"));
        using var client = factory.CreateClient();
        var (owner, customerId) = await ApiUser.RegisterOwnerAsync(client);
        var slug = await owner.CreateVenueAsync();
        var staff = await ApiUser.RegisterAsync(client, "staff");
        await owner.AddMemberAsync(staff, customerId, "customer_staff");
        var (playerToken, playerId) = await VenueActions.PairAsync(client, owner, slug);
        var guest = await ApiUser.GuestTokenAsync(client, slug);

        await using var player = await HubConnections.ConnectAsync(factory, HubConnections.VenueHub, playerToken);
        (await player.InvokeAsync("JoinVenue", slug, null)).Ok("the player joins");
        await using var dashboard = await HubConnections.ConnectAsync(factory, HubConnections.CustomerHub, staff.Token);
        await dashboard.WaitForAsync("connected", timeout: Within);
        await using var kiosk = await HubConnections.ConnectAsync(factory, HubConnections.VenueHub, guest);
        (await kiosk.InvokeAsync("JoinVenue", slug, null)).Ok("the kiosk joins");

        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/venues/{slug}/players/{playerId}");
        await owner.ExpectAsync(HttpStatusCode.OK, HttpMethod.Delete, $"/v1/customer/members/{staff.UserId}");

        await player.Closed.WaitAsync(Within);
        await dashboard.Closed.WaitAsync(Within);
        await VenueActions.RequestAsync(client, guest, slug, "Still Heard");
        await kiosk.WaitForAsync("queue:insert", timeout: Within);
        Assert.False(kiosk.Closed.IsCompleted);
    }
}
