using Singr.Testing;

namespace Singr.Api.Tests;

/// <summary>
/// A phone that loses its connection to one silo resumes on another without a gap or a duplicate: two real Singr
/// processes on one database, as a cluster runs them.
/// </summary>
public sealed class CrossSiloResumeTests : DatabaseTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Events_missed_while_away_are_replayed_once_by_a_different_silo()
    {
        var environment = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
        await using var siloA = ApplicationProcess.Start(Database.ConnectionString, environment);
        await using var siloB = ApplicationProcess.Start(Database.ConnectionString, environment);
        using var clientA = await ReadyClientAsync(siloA);
        using var clientB = await ReadyClientAsync(siloB);
        var (owner, _) = await ApiUser.RegisterOwnerAsync(clientA);
        var slug = await owner.CreateVenueAsync();
        await VenueActions.AllowManyRequestsAsync(owner, slug);
        var guest = await ApiUser.GuestTokenAsync(clientA, slug);

        long lastSeq;
        await using (var onA = await HubConnections.ConnectOverSocketAsync(siloA.BaseAddress, HubConnections.VenueHub, guest))
        {
            (await onA.InvokeAsync("JoinVenue", slug, null)).Ok("JoinVenue on silo A");
            var seen = await VenueActions.RequestAsync(clientA, guest, slug, "Heard On A");
            lastSeq = (await onA.WaitForAsync("queue:insert", p => p.GetProperty("item").GetProperty("id").GetGuid() == seen, Wait)).Seq!.Value;
        }

        var missed = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            missed.Add(await VenueActions.RequestAsync(i % 2 == 0 ? clientA : clientB, guest, slug, $"Missed {i}"));
        }

        await using var onB = await HubConnections.ConnectOverSocketAsync(siloB.BaseAddress, HubConnections.VenueHub, guest);
        var rejoined = (await onB.InvokeAsync("JoinVenue", slug, lastSeq)).Ok("JoinVenue on silo B");
        var live = await VenueActions.RequestAsync(clientA, guest, slug, "Live On B");
        await onB.WaitForAsync("queue:insert", p => p.GetProperty("item").GetProperty("id").GetGuid() == live, Wait);

        var inserts = onB.Events.Where(e => e.Target == "queue:insert").ToList();
        // The guest's own third song got two ahead of it while they were away: that "up next" is theirs to replay too.
        var stream = onB.Events.Where(e => e.Target is "queue:insert" or "request:update").ToList();
        Assert.True(rejoined.GetProperty("resumed").GetBoolean());
        Assert.DoesNotContain(onB.Events, e => e.Target == "venueState");
        Assert.Equal([.. missed, live], inserts.Select(e => e.Payload.GetProperty("item").GetProperty("id").GetGuid()).ToList());
        Assert.Equal(Enumerable.Range(1, 5).Select(i => lastSeq + i), stream.Select(e => e.Seq!.Value));
        Assert.Equal("up_next", Assert.Single(stream, e => e.Target == "request:update").Payload.GetProperty("action").GetString());
    }

    private static async Task<HttpClient> ReadyClientAsync(ApplicationProcess silo)
    {
        await silo.WaitUntilReadyAsync(Wait);
        return new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }
}
