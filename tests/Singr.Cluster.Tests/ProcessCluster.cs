using System.Globalization;
using System.Text.RegularExpressions;
using Singr.Api.RateLimiting;
using Singr.Testing;
using Xunit.Abstractions;

namespace Singr.Cluster.Tests;

/// <summary>
/// What <c>make cluster</c> runs, on free loopback ports against a test database: <c>Singr.Silo</c> processes and one
/// <c>Singr.Api</c> front end (role <c>api</c>, an Orleans client finding their gateways in the membership table), with
/// <see cref="TestMembership"/>'s timings and the front end's rate limits out of reach of a load test.
/// </summary>
internal sealed partial class ProcessCluster : IAsyncDisposable
{
    private const string UnreachablePermitLimit = "100000000";

    private ProcessCluster(List<ApplicationProcess> silos, ApplicationProcess frontEnd)
    {
        Silos = silos;
        FrontEnd = frontEnd;
    }

    public IReadOnlyList<ApplicationProcess> Silos { get; }

    public ApplicationProcess FrontEnd { get; }

    public static async Task<ProcessCluster> StartAsync(TestDatabase database, int silos)
    {
        ArgumentNullException.ThrowIfNull(database);
        var siloEnvironment = new Dictionary<string, string>(TestMembership.AsEnvironment(), StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var started = new List<ApplicationProcess>();
        try
        {
            for (var i = 0; i < silos; i++)
            {
                started.Add(ApplicationProcess.Start("Singr.Silo", database.ConnectionString, siloEnvironment));
            }

            // The front end starts with the silos, as Kubernetes starts pods in any order: it keeps looking for a
            // gateway until one is active.
            var frontEndEnvironment = new Dictionary<string, string>(siloEnvironment, StringComparer.Ordinal)
            {
                ["Singr__Cluster__Role"] = "api",
            };
            foreach (var policy in typeof(RateLimitOptions).GetProperties().Where(p => p.PropertyType == typeof(FixedWindowLimit)))
            {
                frontEndEnvironment[$"Singr__RateLimits__{policy.Name}__{nameof(FixedWindowLimit.PermitLimit)}"] = UnreachablePermitLimit;
            }

            var frontEnd = ApplicationProcess.Start("Singr.Api", database.ConnectionString, frontEndEnvironment);
            started.Add(frontEnd);
            await Task.WhenAll(started.Select(process => process.WaitUntilReadyAsync(TimeSpan.FromSeconds(180))));
            return new ProcessCluster(started[..silos], frontEnd);
        }
        catch
        {
            foreach (var process in started)
            {
                await process.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>One client for all callers, with a connection each (HTTP/1.1 runs one request per connection), and spare ones.</summary>
    public HttpClient CreateClient(int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections + 64 })
        {
            BaseAddress = FrontEnd.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public string Name(ApplicationProcess silo) =>
        string.Create(CultureInfo.InvariantCulture, $"silo {IndexOf(silo) + 1} (pid {silo.Id}, silo port {silo.SiloPort})");

    public ApplicationProcess SiloOnPort(int siloPort) => Silos.Single(silo => silo.SiloPort == siloPort);

    /// <summary>The last lines each process wrote (Warning and above), for a failure's story.</summary>
    public void WriteOutput(ITestOutputHelper output, int lines)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var silo in Silos)
        {
            Write(output, Name(silo), silo, lines);
        }

        Write(output, "front end", FrontEnd, lines);
    }

    public async ValueTask DisposeAsync()
    {
        await FrontEnd.DisposeAsync();
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }
    }

    /// <summary>
    /// The exceptions behind the front end's 5xx answers, by type and the start of their message, with their count:
    /// "TimeoutException: Response did not arrive on time in 00:00:30 × 6".
    /// </summary>
    public IReadOnlyList<string> FrontEndExceptions() =>
        [.. FrontEnd.OutputLines
            .Select(line => UnhandledException().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Groups["what"].Value.Split("   at ")[0].Replace(" for message: Request", string.Empty, StringComparison.Ordinal).Trim())];

    [GeneratedRegex(@"An unhandled exception has occurred while executing the request\. (?:[A-Za-z]+\.)*(?<what>[A-Za-z]+Exception: [^.#\[]{0,90})")]
    private static partial Regex UnhandledException();

    private static void Write(ITestOutputHelper output, string name, ApplicationProcess process, int lines)
    {
        var tail = process.OutputLines.TakeLast(lines).ToList();
        output.WriteLine($"--- {name}: last {tail.Count} lines of output ---");
        foreach (var line in tail)
        {
            output.WriteLine(line.Length > 400 ? line[..400] + " …" : line);
        }
    }

    private int IndexOf(ApplicationProcess silo)
    {
        for (var i = 0; i < Silos.Count; i++)
        {
            if (ReferenceEquals(Silos[i], silo))
            {
                return i;
            }
        }

        throw new ArgumentException("Not a silo of this cluster.", nameof(silo));
    }
}
