using Singr.Benchmarks;
using Singr.Testing;
using Singr.Testing.Grains;

// Grain runtime figures on this machine, against the real PostgreSQL (SINGR_POSTGRES, or the private cluster).
// Run with `make bench`. Each write is a committed state write plus a history row in one transaction.
Console.WriteLine($"Singr grain runtime benchmark: {Environment.ProcessorCount} cores, PostgreSQL {PostgresServer.AdminConnectionString.Split(';')[0]}");
await using var database = await TestDatabase.CreateAsync();
await database.ExecuteAsync(CounterGrain.HistoryTableSql);
var results = new List<Measurement>();

await using (var silo = await TestSilo.StartAsync(database, TestGrains.Register))
{
    var hot = silo.GrainFactory.GetGrain<ICounterGrain>("bench-hot");
    await hot.Increment();
    results.Add(await Scenario.RunAsync("read, one active grain, 64 callers (no database)", 20_000, 64, _ => hot.GetCount()));
    results.Add(await Scenario.RunAsync("write, one grain, 64 callers (turns queue up)", 2_000, 64, _ => hot.Increment()));
    results.Add(await Scenario.RunAsync("write, 200 grains, 64 callers, one silo", 4_000, 64,
        i => silo.GrainFactory.GetGrain<ICounterGrain>($"bench-spread-{i % 200}").Increment()));
}

var silos = new List<TestSilo>();
for (var i = 0; i < 3; i++)
{
    silos.Add(await TestSilo.StartAsync(database, TestGrains.Register));
}

await using (var frontEnd = await TestSilo.StartAsync(database, TestGrains.Register, role: "api"))
{
    await Task.Delay(TimeSpan.FromSeconds(1));
    results.Add(await Scenario.RunAsync("write, 200 grains, 64 callers, front end -> 3 silos", 4_000, 64,
        i => frontEnd.GrainFactory.GetGrain<ICounterGrain>($"bench-cluster-{i % 200}").Increment()));
    results.Add(await Scenario.RunAsync("read, 200 grains, 64 callers, front end -> 3 silos", 20_000, 64,
        i => frontEnd.GrainFactory.GetGrain<ICounterGrain>($"bench-cluster-{i % 200}").GetCount()));
}

foreach (var silo in silos)
{
    await silo.DisposeAsync();
}

Console.WriteLine();
results.ForEach(Console.WriteLine);
