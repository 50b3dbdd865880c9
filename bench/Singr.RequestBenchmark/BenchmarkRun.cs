using System.Globalization;
using Singr.Benchmarks;
using Singr.Testing;

namespace Singr.RequestBenchmark;

/// <summary>
/// The whole run: a fresh database, the app in process, set-up, warm-up, the measured load, the durability check, then
/// (the app stopped) pgbench on the same server and the summary.
/// </summary>
internal static class BenchmarkRun
{
    /// <returns>The exit code: 0, or 1 when the database does not hold what was acknowledged.</returns>
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var server = PostgresServer.AdminConnectionString.Split(';')[..2];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Singr paid-request benchmark: {options.Clients} clients, {options.Venues} venues, {options.WarmupSeconds} s warm-up + {options.Seconds} s measured; {Environment.ProcessorCount} cores; PostgreSQL {string.Join(';', server)}"));

        LoadResult? measured = null;
        var durable = true;
        if (!options.PgbenchOnly)
        {
            await using var database = await TestDatabase.CreateAsync();
            await using var singr = await InProcessSingr.StartAsync(database.ConnectionString);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"app: Singr.Api in process at {singr.BaseAddress}, role silo+api (an Orleans silo co-hosted, as make run), {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, database {database.Name}, Npgsql's default pool, rate limits raised, logs at Warning"));
            using var http = singr.CreateClient(options.Clients);
            var fixture = await BenchmarkSetup.CreateAsync(http, singr.Grains, options.Venues, options.Clients);
            var load = new PaidRequestLoad(http, fixture);
            var capacity = options.Venues * BenchmarkSetup.QueueLimit;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"capacity: {options.Venues} venues x {BenchmarkSetup.QueueLimit} queued songs = {capacity} requests per run, warm-up included; above {capacity / (double)(options.WarmupSeconds + options.Seconds):0} requests/s the venues fill up"));

            var warmup = await load.RunAsync("warm-up", TimeSpan.FromSeconds(options.WarmupSeconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {warmup.Durable} durable, {warmup.QueueFull} QUEUE_FULL, {warmup.Failures.Values.Sum()} other (not measured)"));
            await using var meter = new CpuMeter(PostgresServer.AdminConnectionString, database.Name);
            var cpuBefore = await meter.SampleAsync();
            measured = await load.RunAsync("measured", TimeSpan.FromSeconds(options.Seconds));
            var cpuAfter = await meter.SampleAsync();
            Console.WriteLine();
            foreach (var line in measured.Describe())
            {
                Console.WriteLine(line);
            }

            if (measured.Durable > 0)
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"measured: CPU per durable request: this process (app and its {options.Clients} HTTP clients) {cpuAfter.ProcessSince(cpuBefore).TotalMilliseconds / measured.Durable:0.00} ms, PostgreSQL backends of its database {cpuAfter.BackendsSince(cpuBefore).TotalMilliseconds / measured.Durable:0.00} ms"));
            }

            Console.WriteLine();
            durable = await DurabilityCheck.RunAsync(database, warmup.Durable + measured.Durable, warmup.Exceptions + measured.Exceptions);
            Console.WriteLine("app: stopping");
        }

        Console.WriteLine();
        var tps = await Pgbench.RunAsync(PostgresServer.AdminConnectionString, options.Clients, options.Seconds);

        Console.WriteLine();
        Console.WriteLine("summary:");
        if (measured is not null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  durable requests/s        {measured.DurablePerSecond,10:0.0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  latency p50 / p99 / max   {measured.PercentileMs(50):0.00} / {measured.PercentileMs(99):0.00} / {measured.MaxMs:0.00} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pgbench -N tps ({options.Clients} clients) {tps,10:0.0}"));
        if (measured is not null)
        {
            var ratio = measured.DurablePerSecond / tps;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio requests/s / tps    {ratio,10:0.000}   target >= 1.0: {(ratio >= 1.0 ? "met" : "NOT met")}"));
            if (!durable)
            {
                Console.WriteLine("  MISMATCH: the database does not hold what was acknowledged (see durability above)");
            }
        }

        if (measured is { Durable: 0 })
        {
            Console.WriteLine("  no request was acknowledged with 201: there is no figure (see the answers above)");
            return 1;
        }

        return durable ? 0 : 1;
    }
}
