using Microsoft.Extensions.DependencyInjection;
using Singr.Grains;
using Singr.Grains.Interfaces.Access;
using Singr.Grains.Interfaces.Audit;
using Singr.Grains.Interfaces.Customers;
using Singr.Grains.Interfaces.Venues;
using Singr.Silo.Cluster;
using Singr.Testing;

namespace Singr.Cluster.Tests;

/// <summary>
/// The product's grains called through a front end: their commands, outcomes and refusals cross the wire as JSON, so a
/// field that does not survive the trip shows here rather than only in a multi-silo deployment.
/// </summary>
public sealed class DomainGrainForwardingTests : IAsyncLifetime
{
    private static readonly AuditStamp Stamp = new(Guid.NewGuid(), "owner@example.com", null, null, Roles.CustomerOwner, "10.0.0.7", "req-1");

    private TestDatabase _database = null!;
    private TestSilo _silo = null!;
    private TestSilo _frontEnd = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _silo = await TestSilo.StartAsync(_database, grains => grains.AddGrainsFromAssembly(GrainsAssembly.Assembly));
        _frontEnd = await TestSilo.StartAsync(_database, grains => grains.AddGrainsFromAssembly(GrainsAssembly.Assembly), role: "api");
        await Eventually.TrueAsync(
            () => _frontEnd.Services.GetRequiredService<SiloLifecycle>().IsActive,
            TimeSpan.FromSeconds(10),
            "the front end sees the silo");
    }

    public async Task DisposeAsync()
    {
        await _frontEnd.DisposeAsync();
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Organisation_venue_and_pairing_commands_keep_their_results_and_refusals_through_a_front_end()
    {
        var grains = _frontEnd.GrainFactory;
        var owner = new MemberIdentity(Stamp.ActorId, Stamp.ActorEmail, "Owner");
        var customerId = Guid.NewGuid();
        var venueId = Guid.NewGuid();

        var created = await grains.GetGrain<ICustomerGrain>(customerId).Create(new CreateCustomer("Forwarded Bars", owner, Stamp));
        var lastOwner = await grains.GetGrain<ICustomerGrain>(customerId).RemoveMember(new RemoveMember(owner.UserId, Stamp));
        var venue = await grains.GetGrain<IVenueGrain>(venueId).Create(
            new CreateVenue(customerId, new VenueDetails("forwarded-bar", "Forwarded Bar", "Europe/Paris", null), Stamp));
        var code = await grains.GetGrain<IVenueGrain>(venueId).IssuePairingCode(new IssuePairingCode(Stamp));
        var codeHash = PairingCode.Hash(PairingCode.Normalize(code.Value!.Code)!);
        var redeemedFor = await grains.GetGrain<IPairingCodeGrain>(codeHash).Redeem("screen-0001");
        var player = await grains.GetGrain<IVenueGrain>(venueId).PairPlayer(new PairPlayer(codeHash, "screen-0001"));
        var members = await grains.GetGrain<ICustomerGrain>(customerId).ListMembers();

        Assert.Equal("Forwarded Bars", created.Value!.Name);
        Assert.Equal(DomainErrors.LastOwner, lastOwner.Error);
        Assert.Equal("Europe/Paris", venue.Value!.Timezone);
        Assert.Equal(venueId, redeemedFor);
        Assert.True(player.Value!.Active);
        Assert.Equal("screen-0001", player.Value.DeviceId);
        Assert.Equal(Roles.CustomerOwner, Assert.Single(members).Role);
        Assert.Equal(
            ["customer.create", "venue.create", "player.pairing_code.issue"],
            await _database.ColumnAsync<string>("SELECT action FROM audit_log WHERE actor_id = $1 ORDER BY id", Stamp.ActorId));
    }
}
