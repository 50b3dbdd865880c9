using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Singr.RequestBenchmark;
using Singr.Testing;

namespace Singr.HubLoad;

/// <summary>
/// The whole run: a fresh database, the app in process, a host with a venue under load and some quiet venues, guest
/// connections joined to each, requests at a steady rate, then latency, delivery and memory figures.
/// </summary>
internal static class HubLoadRun
{
    private const int QueueLimit = 1000;
    private const int QuietVenues = 10;
    private const int Parallelism = 32;

    public static async Task<int> RunAsync(HubLoadOptions options)
    {
        var requests = Math.Min(options.Rate * options.Seconds, QueueLimit);
        Console.WriteLine(Invariant(
            $"Singr hub load: {options.Connections} connections on the busy venue, {options.Others} on {Math.Min(QuietVenues, Math.Max(options.Others, 1))} quiet venues, {options.Rate} requests/s for {options.Seconds} s ({requests} requests{(requests < options.Rate * options.Seconds ? $", capped by the queue limit {QueueLimit}" : "")}); {Environment.ProcessorCount} cores"));

        await using var database = await TestDatabase.CreateAsync();
        await using var singr = await InProcessSingr.StartAsync(database.ConnectionString);
        Console.WriteLine($"app: Singr.Api in process at {singr.BaseAddress}, database {database.Name}, rate limits raised, logs at Warning");
        using var http = singr.CreateClient(Parallelism);
        var api = new SetupClient(http);

        var run = Guid.NewGuid().ToString("N")[..8];
        var owner = await api.SendAsync(HttpMethod.Post, "/v1/auth/register", new { email = $"owner-{run}@load.singr.test", password = "load-password-1", name = "Load Owner" });
        var customer = await api.SendAsync(HttpMethod.Post, "/v1/customers", new { name = $"Load {run}" }, owner.GetProperty("accessToken").GetString());
        var hostToken = customer.GetProperty("accessToken").GetString()!;
        var busy = $"load-{run}";
        var quiet = Enumerable.Range(1, options.Others == 0 ? 0 : Math.Min(QuietVenues, options.Others)).Select(i => Invariant($"load-{run}-q{i}")).ToList();
        foreach (var slug in quiet.Prepend(busy))
        {
            await api.SendAsync(HttpMethod.Post, "/v1/venues", new { venueId = slug, name = $"Load venue {slug}", timezone = "UTC" }, hostToken);
        }

        await api.SendAsync(HttpMethod.Patch, $"/v1/venues/{busy}/settings", new { queueLimit = QueueLimit, maxPendingPerPatron = QueueLimit, noRepeatMinutes = 0 }, hostToken);
        var venueOf = Enumerable.Range(0, options.Connections + options.Others).Select(i => i < options.Connections ? busy : quiet[i % quiet.Count]).ToArray();

        var stopwatch = Stopwatch.StartNew();
        var tokens = new string[venueOf.Length];
        await Parallel.ForAsync(0, venueOf.Length, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, cancellation) =>
        {
            var guest = await api.SendAsync(HttpMethod.Post, "/v1/auth/guest", new { venueId = venueOf[i], deviceId = Invariant($"load-{run}-{i}") });
            tokens[i] = guest.GetProperty("accessToken").GetString()!;
        });
        Console.WriteLine(Invariant($"set-up: host, {1 + quiet.Count} venues and {tokens.Length} guest sessions in {stopwatch.Elapsed.TotalSeconds:0.0} s"));

        var baseline = Memory();
        var submittedAt = new long[requests];
        var connections = venueOf.Select(_ => new LoadConnection(submittedAt)).ToArray();
        stopwatch.Restart();
        var hubUri = new UriBuilder(new Uri(singr.BaseAddress, "/hubs/venue")) { Scheme = "ws" }.Uri;
        await Parallel.ForAsync(0, connections.Length, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, cancellation) =>
        {
            var uri = new UriBuilder(hubUri) { Query = "access_token=" + Uri.EscapeDataString(tokens[i]) }.Uri;
            await connections[i].ConnectAndJoinAsync(uri, venueOf[i], cancellation);
        });
        var connected = Memory();
        Console.WriteLine(Invariant($"connect: {connections.Length} connections joined in {stopwatch.Elapsed.TotalSeconds:0.0} s ({connections.Length / stopwatch.Elapsed.TotalSeconds:0} joins/s)"));
        var perConnection = (connected.Managed - baseline.Managed) / (double)connections.Length;
        var perConnectionWorkingSet = (connected.WorkingSet - baseline.WorkingSet) / (double)connections.Length;
        Console.WriteLine(Invariant(
            $"memory: managed heap {baseline.Managed / 1048576.0:0} → {connected.Managed / 1048576.0:0} MiB, working set {baseline.WorkingSet / 1048576.0:0} → {connected.WorkingSet / 1048576.0:0} MiB"));
        Console.WriteLine(Invariant(
            $"memory per connection: {perConnection / 1024:0.0} KiB managed, {perConnectionWorkingSet / 1024:0.0} KiB working set (server and this process's client side together)"));

        // The requests, at a steady rate, each stamped just before it is sent.
        var guestToken = tokens[0];
        var statuses = new int[requests];
        var latencies = new List<double>();
        var sending = new List<Task>(requests);
        stopwatch.Restart();
        for (var i = 0; i < requests; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)options.Rate) - stopwatch.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var request = i;
            sending.Add(Task.Run(async () =>
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v1/venues/{busy}/queue", UriKind.Relative))
                {
                    Content = JsonContent.Create(new
                    {
                        kind = "jukebox",
                        youtubeId = Invariant($"y{request:0000000000}"),
                        title = Invariant($"{LoadConnection.TitleMarker}{request:000000}"),
                        artist = "Load",
                        duration = 180,
                    }),
                };
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", guestToken);
                Volatile.Write(ref submittedAt[request], Stopwatch.GetTimestamp());
                try
                {
                    using var response = await http.SendAsync(message);
                    statuses[request] = (int)response.StatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // No answer within the client's 30 s (or the connection failed): counted as status 0.
                    statuses[request] = 0;
                }
            }));
        }

        await Task.WhenAll(sending);
        var submitting = stopwatch.Elapsed;
        var accepted = statuses.Count(s => s == (int)HttpStatusCode.Created);
        var expected = (long)accepted * options.Connections;
        var busyConnections = connections.Take(options.Connections).ToArray();
        var settle = Stopwatch.StartNew();
        while (busyConnections.Sum(c => (long)c.Delivered) < expected && settle.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        // A request the client gave up on (no answer in 30 s) may still have been queued: it counts when any connection saw it.
        var queued = Enumerable.Range(0, requests).Count(r => statuses[r] == (int)HttpStatusCode.Created || busyConnections.Any(c => c.Saw(r)));
        expected = (long)queued * options.Connections;
        var delivered = busyConnections.Sum(c => (long)c.Delivered);
        foreach (var connection in busyConnections)
        {
            latencies.AddRange(connection.Latencies.Select(t => t * 1000.0 / Stopwatch.Frequency));
        }

        latencies.Sort();
        var loaded = Memory();
        Console.WriteLine();
        Console.WriteLine(Invariant($"submitted: {requests} in {submitting.TotalSeconds:0.0} s, {accepted} accepted (201){Refusals(statuses)}"));
        Console.WriteLine(Invariant($"queued: {queued} requests ({queued - accepted} of them without an answer in time)"));
        Console.WriteLine(Invariant($"delivered: {delivered} of {expected} queue:insert events ({(expected == 0 ? 0 : 100.0 * delivered / expected):0.00} %), {busyConnections.Sum(c => c.Duplicates)} duplicates"));
        Console.WriteLine(Invariant($"quiet venues' connections got {connections.Skip(options.Connections).Sum(c => c.Delivered)} of the busy venue's inserts (0 expected)"));
        Console.WriteLine(Invariant($"dropped: {connections.Count(c => c.Closed)} connections closed during the run"));
        if (latencies.Count > 0)
        {
            Console.WriteLine(Invariant(
                $"submit → receive latency (ms) across {options.Connections} connections: p50 {Percentile(latencies, 50):0.0}  p95 {Percentile(latencies, 95):0.0}  p99 {Percentile(latencies, 99):0.0}  max {latencies[^1]:0.0}"));
        }

        Console.WriteLine(Invariant($"memory after the load: managed heap {loaded.Managed / 1048576.0:0} MiB, working set {loaded.WorkingSet / 1048576.0:0} MiB"));

        Console.WriteLine("closing connections");
        await Parallel.ForAsync(0, connections.Length, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) => await connections[i].DisposeAsync());
        return delivered == expected && accepted > 0 ? 0 : 1;
    }

    private static (long Managed, long WorkingSet) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    private static double Percentile(List<double> sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Refusals(int[] statuses)
    {
        var other = statuses.Where(s => s != (int)HttpStatusCode.Created).GroupBy(s => s).Select(g => Invariant($"{g.Count()} × {(g.Key == 0 ? "no answer in 30 s" : g.Key.ToString(CultureInfo.InvariantCulture))}")).ToList();
        return other.Count == 0 ? string.Empty : ", others: " + string.Join(", ", other);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
