using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Singr.Silo.Hosting;

namespace Singr.Cluster.Tests;

/// <summary>
/// An Orleans client of the test's own, connected as a front end is, to ask the cluster's management grain which silo
/// hosts which grains (the membership table only says which silos there are).
/// </summary>
internal sealed class ClusterObserver : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterObserver(IHost host) => _host = host;

    public static async Task<ClusterObserver> ConnectAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Singr:Orleans:ConnectTimeout"] = "00:00:30" });
        builder.UseOrleansClient(client => client.UseSingrCluster(builder.Configuration, connectionString));
        var host = builder.Build();
        await host.StartAsync();
        return new ClusterObserver(host);
    }

    /// <summary>How many activations of a grain type (<c>venue</c>, <c>credit-wallet</c>) each silo holds, by silo port.</summary>
    public async Task<Dictionary<int, int>> ActivationsBySiloPortAsync(string grainType)
    {
        var management = _host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics();
        return statistics
            .Where(s => s.GrainId.Type.ToString() == grainType)
            .GroupBy(s => s.SiloAddress.Endpoint.Port)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            _host.Dispose();
        }
    }
}
