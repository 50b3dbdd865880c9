using System.Globalization;
using System.Runtime;
using Npgsql;
using Singr.Benchmarks;
using Singr.Testing;

// Grain runtime figures on this machine, on Orleans, against the real PostgreSQL (SINGR_POSTGRES, or the private
// cluster). Run with `make bench`; `scripts/bench.sh --pool N` runs it with another connection pool size. Every silo runs
// in this process with Singr's own silo set-up (UseSingrCluster) on free loopback ports; each write is a versioned-state
// write through Singr's grain storage (one fenced UPDATE of grain_state in one PostgreSQL transaction).
var poolSize = 15;
for (var a = 0; a < args.Length; a++)
{
    if (args[a] == "--pool" && a + 1 < args.Length && int.TryParse(args[++a], CultureInfo.InvariantCulture, out var pool) && pool > 0)
    {
        poolSize = pool;
    }
    else
    {
        Console.Error.WriteLine("usage: Singr.Benchmarks [--pool 15]");
        return 2;
    }
}

try
{
    await RunAsync(poolSize);
    return 0;
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or NpgsqlException or Orleans.Runtime.OrleansException)
{
    Console.Error.WriteLine($"error: {ex.GetType().Name}: {ex.Message}");
    return 1;
}

static async Task RunAsync(int poolSize)
{
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"Singr grain benchmark on Orleans {OrleansVersion()}: {Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, PostgreSQL {PostgresServer.AdminConnectionString.Split(';')[0]};{PostgresServer.AdminConnectionString.Split(';')[1]}"));
    await using var database = await TestDatabase.CreateAsync();
    var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = poolSize }.ConnectionString;
    var clusterId = $"bench-{Guid.NewGuid():N}"[..14];
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"set-up: database {database.Name}, cluster id {clusterId}, Npgsql pool of {poolSize} connections per process role (silo or front end), silos in this process; each scenario after a warm-up on other grains"));
    await using var meter = new CpuMeter(PostgresServer.AdminConnectionString, database.Name);
    Scenario.Meter = meter;
    var results = new List<Measurement>();
    var notes = new List<string>();

    await using (var silo = await BenchSilo.StartSiloAsync(connectionString, clusterId))
    {
        Console.WriteLine($"one silo: {silo.Description}");
        await WarmUpAsync(silo.Grains, "one-silo");
        var hot = silo.Grains.GetGrain<IBenchCounterGrain>("bench-hot");
        await hot.Increment();
        results.Add(await Scenario.RunAsync("read, one active grain, 64 callers (no database)", 20_000, 64, _ => hot.GetCount()));
        WriteTimings.Take();
        results.Add(await Scenario.RunAsync("write, one grain, 64 callers (turns queue up)", 2_000, 64, _ => hot.Increment()));
        notes.Add(StorageShare(results[^1], WriteTimings.Take()));
        results.Add(await Scenario.RunAsync("write, 200 grains, 64 callers, one silo", 4_000, 64,
            i => silo.Grains.GetGrain<IBenchCounterGrain>($"bench-spread-{i % 200}").Increment()));
        notes.Add(StorageShare(results[^1], WriteTimings.Take()));

        // The same PostgreSQL work without Orleans, fenced on this silo's membership row.
        foreach (var (name, shape) in new[]
        {
            ("  same SQL by raw Npgsql, 200 rows: BEGIN+UPDATE, COMMIT", RawWrites.Shape.FencedTransaction),
            ("  same SQL by raw Npgsql, 200 rows: without the fence", RawWrites.Shape.UnfencedTransaction),
            ("  same SQL by raw Npgsql, 200 rows: UPDATE, autocommit", RawWrites.Shape.FencedAutocommit),
        })
        {
            results.Add(await RawWrites.RunAsync(name, shape, connectionString, clusterId, silo.SiloAddress, 4_000, 64, 200));
        }
    }

    var silos = new List<BenchSilo>();
    for (var i = 0; i < 3; i++)
    {
        silos.Add(await BenchSilo.StartSiloAsync(connectionString, clusterId));
    }

    await using (var frontEnd = await BenchSilo.StartFrontEndAsync(connectionString, clusterId))
    {
        Console.WriteLine($"three silos: {string.Join(", ", silos.Select(s => s.Description))}; {frontEnd.Description}");
        await WarmUpAsync(frontEnd.Grains, "cluster");
        results.Add(await Scenario.RunAsync("write, 200 grains, 64 callers, front end -> 3 silos", 4_000, 64,
            i => frontEnd.Grains.GetGrain<IBenchCounterGrain>($"bench-cluster-{i % 200}").Increment()));
        notes.Add(StorageShare(results[^1], WriteTimings.Take()));
        results.Add(await Scenario.RunAsync("read, 200 grains, 64 callers, front end -> 3 silos", 20_000, 64,
            i => frontEnd.Grains.GetGrain<IBenchCounterGrain>($"bench-cluster-{i % 200}").GetCount()));
        var placement = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => frontEnd.Grains.GetGrain<IBenchCounterGrain>($"bench-cluster-{i}").GetSilo()));
        notes.Add("placement of the 200 cluster grains: " + string.Join(", ", placement.GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
    }

    foreach (var silo in silos)
    {
        await silo.DisposeAsync();
    }

    var writes = await database.ScalarAsync<long>("SELECT coalesce(sum(version), 0)::bigint FROM grain_state WHERE grain_type = 'bench-counter'");
    notes.Add(string.Create(CultureInfo.InvariantCulture, $"grain_state: bench-counter rows hold {writes} committed versions in all (warm-up included)"));

    Console.WriteLine();
    results.ForEach(Console.WriteLine);
    Console.WriteLine();
    notes.ForEach(Console.WriteLine);
}

static string OrleansVersion() =>
    (typeof(Orleans.IGrainFactory).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false).FirstOrDefault()
        as System.Reflection.AssemblyInformationalVersionAttribute)?.InformationalVersion.Split(" ")[0].TrimEnd('.') ?? "?";

// Activates other grains and runs both call paths, so the first scenario does not pay for JIT and first connections.
static async Task WarmUpAsync(Orleans.IGrainFactory grains, string prefix)
{
    await Scenario.RunAsync("warm-up reads", 5_000, 64, i => grains.GetGrain<IBenchCounterGrain>($"bench-warm-{prefix}-{i % 50}").GetCount());
    await Scenario.RunAsync("warm-up writes", 500, 64, i => grains.GetGrain<IBenchCounterGrain>($"bench-warm-{prefix}-{i % 50}").Increment());
    WriteTimings.Take();
}

// Of a write scenario's mean call latency, how much was the state write inside the grain.
static string StorageShare(Measurement call, IReadOnlyList<double> writeMs)
{
    var storage = new Measurement("", writeMs.Count, call.Elapsed, writeMs);
    var callMean = call.LatenciesMs.Average();
    return string.Create(
        CultureInfo.InvariantCulture,
        $"{call.Scenario}: IVersionedState.WriteAsync inside the grain p50 {storage.Percentile(50):0.00} ms, p99 {storage.Percentile(99):0.00} ms, mean {writeMs.Average():0.00} ms of the call's mean {callMean:0.00} ms");
}
