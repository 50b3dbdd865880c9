using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Singr.Testing;
using Singr.Testing.Grains;

namespace Singr.Cluster.Tests;

/// <summary>Three silos as separate processes behind an in-process front end; one of them is killed with SIGKILL.</summary>
public sealed class ProcessFailoverTests : DatabaseTest
{
    private const string TestHost = "tests/Singr.TestHost";
    private readonly List<ApplicationProcess> _silos = [];
    private TestSilo _frontEnd = null!;

    protected override async Task SetUpAsync()
    {
        await Database.ExecuteAsync(CounterGrain.HistoryTableSql);
        for (var i = 0; i < 3; i++)
        {
            _silos.Add(ApplicationProcess.Start(TestHost, Database.ConnectionString, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Singr__Cluster__Role"] = "silo",
                ["Singr__Silo__HeartbeatInterval"] = "00:00:00.500",
                ["Singr__Silo__MissedHeartbeatsBeforeDead"] = "6",
                ["Logging__LogLevel__Default"] = "Warning",
            }));
        }

        foreach (var silo in _silos)
        {
            await WaitUntilReadyAsync(silo);
        }

        _frontEnd = await TestSilo.StartAsync(Database, TestGrains.Register, role: "api");
    }

    protected override async Task TearDownAsync()
    {
        await _frontEnd.DisposeAsync();
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    [Fact]
    public async Task After_a_silo_is_killed_every_acknowledged_write_survives_and_its_grains_serve_again_on_one_silo_each()
    {
        var keys = Enumerable.Range(0, 30).Select(i => $"failover-{i}").ToList();
        var acknowledged = keys.ToDictionary(k => k, _ => new ConcurrentQueue<(long Count, long At)>());
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var writers = keys.Select(key => Task.Run(async () =>
        {
            var grain = _frontEnd.GrainFactory.GetGrain<ICounterGrain>(key);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    acknowledged[key].Enqueue((await grain.Increment(), clock.ElapsedMilliseconds));
                }
                catch (Exception)
                {
                    // Not acknowledged: the caller retries with a little backoff, as a client would.
                    await Task.Delay(50);
                }
            }
        })).ToList();
        await Eventually.TrueAsync(() => keys.All(k => acknowledged[k].Count >= 3), TimeSpan.FromSeconds(30), "every grain takes writes");

        var victim = await BusiestSiloAsync();
        var victimId = await Database.ScalarAsync<Guid>(
            "SELECT silo_id FROM silo_membership WHERE address = $1 AND status = 'active'", victim.BaseAddress.ToString().TrimEnd('/'));
        var victimKeys = await Database.ColumnAsync<string>("SELECT grain_key FROM grain_directory WHERE silo_id = $1", victimId);
        var killedAt = clock.ElapsedMilliseconds;
        victim.Signal("KILL");
        await Eventually.TrueAsync(
            async () => await Database.ScalarAsync<long>(
                "SELECT count(*) FROM (SELECT DISTINCT ON (grain_key) grain_key, silo FROM counter_history " +
                "WHERE grain_key = ANY($1) ORDER BY grain_key, version DESC) latest WHERE silo <> $2",
                victimKeys.ToArray(),
                victimId.ToString("D")) == victimKeys.Count,
            TimeSpan.FromSeconds(30),
            "every grain of the killed silo has been written again by another silo within 30 s");
        var recoveredWithin = clock.ElapsedMilliseconds - killedAt;
        await Task.Delay(500);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        await Eventually.TrueAsync(
            async () => await Database.ScalarAsync<string>("SELECT status FROM silo_membership WHERE silo_id = $1", victimId) == "dead",
            TimeSpan.FromSeconds(30),
            "the survivors declare the killed silo dead");

        Assert.NotEmpty(victimKeys);
        Assert.InRange(recoveredWithin, 0, 30_000);
        foreach (var key in keys)
        {
            var versions = await Database.ColumnAsync<long>("SELECT version FROM counter_history WHERE grain_key = $1 ORDER BY version", key);
            var counts = await Database.ColumnAsync<long>("SELECT count FROM counter_history WHERE grain_key = $1 ORDER BY version", key);
            var silos = await Database.ColumnAsync<string>("SELECT silo FROM counter_history WHERE grain_key = $1 ORDER BY version", key);

            Assert.Equal(Enumerable.Range(1, versions.Count).Select(v => (long)v), versions);
            Assert.Equal(versions, counts);
            Assert.Subset(counts.ToHashSet(), acknowledged[key].Select(a => a.Count).ToHashSet());
            Assert.Equal(versions.Count, await _frontEnd.GrainFactory.GetGrain<ICounterGrain>(key).GetCount());
            var runs = silos.Where((silo, i) => i == 0 || silos[i - 1] != silo).ToList();
            Assert.Equal(runs.Distinct().Count(), runs.Count);
        }

        foreach (var key in victimKeys)
        {
            var lastWriter = await Database.ScalarAsync<string>(
                "SELECT silo FROM counter_history WHERE grain_key = $1 ORDER BY version DESC LIMIT 1", key);
            Assert.NotEqual(victimId.ToString("D"), lastWriter);
        }
    }

    private async Task<ApplicationProcess> BusiestSiloAsync()
    {
        var busiest = await Database.ScalarAsync<string>(
            "SELECT m.address FROM grain_directory d JOIN silo_membership m ON m.silo_id = d.silo_id " +
            "GROUP BY m.address ORDER BY count(*) DESC LIMIT 1");
        return _silos.Single(s => s.BaseAddress.ToString().TrimEnd('/') == busiest);
    }

    private static async Task WaitUntilReadyAsync(ApplicationProcess silo)
    {
        using var client = new HttpClient { BaseAddress = silo.BaseAddress };
        await Eventually.TrueAsync(
            async () =>
            {
                if (silo.HasExited)
                {
                    throw new InvalidOperationException("A silo process exited:\n" + string.Join('\n', silo.OutputLines));
                }

                try
                {
                    using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            "the silo process is ready");
    }
}
