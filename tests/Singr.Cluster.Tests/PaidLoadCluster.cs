using System.Diagnostics;
using System.Globalization;
using Singr.Testing;
using Xunit.Abstractions;

namespace Singr.Cluster.Tests;

/// <summary>
/// Where the drain and failover tests start: three <c>Singr.Silo</c> processes behind one <c>Singr.Api</c> front end,
/// twelve paid venues, sixteen patrons with credits for thousands of songs, and their paid requests running until every
/// venue and every patron has some acknowledged.
/// </summary>
internal sealed class PaidLoadCluster : IAsyncDisposable
{
    public const int Silos = 3;
    public const int VenueCount = 12;
    public const int Clients = 16;
    public const int CreditsEach = 100_000;

    /// <summary>Orleans's <c>SiloStatus.Dead</c> in <c>orleans_membership.status</c>: what a silo that left writes last.</summary>
    public const int Dead = 6;

    private readonly ITestOutputHelper _output;
    private readonly Stopwatch _phases;

    private PaidLoadCluster(ITestOutputHelper output, Stopwatch phases, ProcessCluster cluster, HttpClient http)
    {
        _output = output;
        _phases = phases;
        Cluster = cluster;
        Http = http;
    }

    public ProcessCluster Cluster { get; }

    public HttpClient Http { get; }

    public PaidVenues Venues { get; private set; } = null!;

    public ClusterObserver Observer { get; private set; } = null!;

    public PaidRequestLoad Load { get; private set; } = null!;

    /// <param name="arrivals">When set, a new patron's first request arrives this often besides the sixteen's steady load.</param>
    public static async Task<PaidLoadCluster> StartAsync(TestDatabase database, ITestOutputHelper output, TimeSpan? arrivals = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var phases = Stopwatch.StartNew();
        var cluster = await ProcessCluster.StartAsync(database, Silos);
        var paid = new PaidLoadCluster(output, phases, cluster, cluster.CreateClient(Clients));
        paid.Phase($"{Silos} silos and the front end ready");
        try
        {
            paid.Venues = await PaidVenues.CreateAsync(paid.Http, VenueCount, Clients, CreditsEach);
            paid.Phase($"{VenueCount} paid venues and {Clients} patrons with {CreditsEach} credits set up over HTTP");
            paid.Observer = await ClusterObserver.ConnectAsync(database.ConnectionString);
            paid.Load = new PaidRequestLoad(paid.Http, paid.Venues);
            paid.Load.Start();
            if (arrivals is { } interval)
            {
                paid.Load.StartArrivals(interval);
            }

            await Eventually.TrueAsync(
                () => paid.Load.FirstSuccessesAfter(0) is { SlowestVenue: not null, SlowestClient: not null } && paid.Load.AcknowledgedRequests.Count >= 150,
                TimeSpan.FromSeconds(60),
                "every venue and every patron has requests acknowledged");
            paid.Phase($"load running: {paid.Load.AcknowledgedRequests.Count} requests acknowledged");
            return paid;
        }
        catch
        {
            cluster.WriteOutput(output, 25);
            await paid.DisposeAsync();
            throw;
        }
    }

    /// <summary>A step of the test, with the seconds since the cluster started, in the test's output.</summary>
    public void Phase(string what) =>
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_phases.Elapsed.TotalSeconds,5:0.0} s] {what}"));

    /// <summary>Each patron's balance as the API reports it, beside what it must be: every acknowledged request paid once.</summary>
    public async Task<(IReadOnlyList<int> Expected, IReadOnlyList<int> Reported)> BalancesAsync()
    {
        var reported = await Task.WhenAll(Venues.Patrons.Select(p => PaidVenues.BalanceAsync(Http, p)));
        var expected = Enumerable.Range(0, Clients).Select(c => CreditsEach - Load.AcknowledgedRequests.Count(a => a.Client == c)).ToList();
        return (expected, reported);
    }

    public async ValueTask DisposeAsync()
    {
        Load?.Dispose();
        if (Observer is not null)
        {
            await Observer.DisposeAsync();
        }

        Http.Dispose();
        await Cluster.DisposeAsync();
    }
}
