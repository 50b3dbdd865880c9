using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Singr.Silo.Cluster;
using Singr.Silo.Streams;
using Singr.Testing;
using Singr.Testing.Grains;

namespace Singr.Cluster.Tests;

/// <summary>A thin front end (role api) in front of two silos.</summary>
public sealed class FrontEndTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestSilo _siloA = null!;
    private TestSilo _siloB = null!;
    private TestSilo _frontEnd = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await _database.ExecuteAsync(CounterGrain.HistoryTableSql);
        _siloA = await TestSilo.StartAsync(_database, TestGrains.Register);
        _siloB = await TestSilo.StartAsync(_database, TestGrains.Register);
        _frontEnd = await TestSilo.StartAsync(_database, TestGrains.Register, role: "api");
        await Eventually.TrueAsync(
            () => _frontEnd.Services.GetRequiredService<SiloLifecycle>().IsActive,
            TimeSpan.FromSeconds(10),
            "the front end sees the silos");
    }

    public async Task DisposeAsync()
    {
        await _frontEnd.DisposeAsync();
        await _siloA.DisposeAsync();
        await _siloB.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_front_end_hosts_no_grains_and_its_calls_run_on_a_silo()
    {
        var silos = new[] { _siloA, _siloB }.Select(s => s.Services.GetRequiredService<SiloIdentity>().SiloId.ToString("D")).ToList();

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(1, await _frontEnd.GrainFactory.GetGrain<ICounterGrain>($"via-front-end-{i}").Increment());
        }

        var ranOn = await _database.ColumnAsync<string>("SELECT DISTINCT silo FROM counter_history");
        Assert.All(ranOn, silo => Assert.Contains(silo, silos));
        Assert.Null(_frontEnd.Services.GetService<Singr.Silo.Runtime.SiloRuntime>());
        Assert.Equal(2L, await _database.ScalarAsync<long>("SELECT count(*) FROM silo_membership WHERE status = 'active'"));
    }

    [Fact]
    public async Task An_event_raised_on_a_silo_reaches_a_subscriber_of_the_front_end_in_order()
    {
        var received = new ConcurrentQueue<StreamEvent>();
        await using var subscription = await _frontEnd.Streams.SubscribeAsync(
            EventingGrain.StreamOf("lights"), 0, (e, _) => { received.Enqueue(e); return Task.CompletedTask; }, CancellationToken.None);

        var grain = _frontEnd.GrainFactory.GetGrain<IEventingGrain>("lights");
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(i, await grain.Raise($"step-{i}"));
        }

        await Eventually.TrueAsync(() => received.Count == 5, TimeSpan.FromSeconds(10), "five events arrive");
        Assert.Equal([1L, 2, 3, 4, 5], received.Select(e => e.Sequence));
        Assert.Equal(["step-1", "step-2", "step-3", "step-4", "step-5"], received.Select(e => e.EventType));
        var raisedOn = JsonDocument.Parse(received.First().PayloadJson).RootElement.GetProperty("raisedOn").GetString();
        Assert.NotEqual(Guid.Empty.ToString("D"), raisedOn);
    }

    [Fact]
    public async Task Events_whose_notification_was_lost_are_still_delivered_once_and_in_order()
    {
        var received = new ConcurrentQueue<long>();
        await using var subscription = await _frontEnd.Streams.SubscribeAsync(
            EventingGrain.StreamOf("quiet"), 0, (e, _) => { received.Enqueue(e.Sequence); return Task.CompletedTask; }, CancellationToken.None);
        var listener = _frontEnd.Services.GetRequiredService<StreamNotificationListener>();
        var grain = _siloA.GrainFactory.GetGrain<IEventingGrain>("quiet");

        listener.DropNotifications = true;
        await grain.Raise("unheard-1");
        await grain.Raise("unheard-2");
        await Eventually.TrueAsync(() => received.Count == 2, TimeSpan.FromSeconds(10), "polling finds the events whose NOTIFY was lost");
        listener.DropNotifications = false;
        await grain.Raise("heard-3");
        await Eventually.TrueAsync(() => received.Count == 3, TimeSpan.FromSeconds(10));
        await Task.Delay(700);

        Assert.Equal([1L, 2, 3], received);
    }

    [Fact]
    public async Task A_subscriber_resuming_from_a_sequence_gets_exactly_the_events_after_it()
    {
        var grain = _siloB.GrainFactory.GetGrain<IEventingGrain>("resume");
        for (var i = 0; i < 4; i++)
        {
            await grain.Raise("before");
        }

        var received = new ConcurrentQueue<long>();
        await using var subscription = await _frontEnd.Streams.SubscribeAsync(
            EventingGrain.StreamOf("resume"), 2, (e, _) => { received.Enqueue(e.Sequence); return Task.CompletedTask; }, CancellationToken.None);
        await grain.Raise("after");
        await Eventually.TrueAsync(() => received.Count == 3, TimeSpan.FromSeconds(10));
        await Task.Delay(700);

        Assert.Equal([3L, 4, 5], received);
    }
}
