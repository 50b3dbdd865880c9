using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Singr.Silo.Hosting;
using Singr.Testing;

namespace Singr.Benchmarks;

/// <summary>
/// A Singr silo or front end in this process, set up as Singr.Silo sets up its silo (<c>AddSingrDatabase</c>, then
/// <c>UseOrleans</c> with <c>UseSingrCluster</c>: ADO.NET membership on PostgreSQL, Singr's grain storage and fencing), on
/// free loopback ports. A front end is an Orleans client with <c>IClientBuilder.UseSingrCluster</c>, as Singr.Api has in
/// its <c>api</c> role.
/// </summary>
internal sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host, string description)
    {
        _host = host;
        Description = description;
    }

    public string Description { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's address, as its membership row has it (only for a silo).</summary>
    public SiloAddress SiloAddress => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public static async Task<BenchSilo> StartSiloAsync(string connectionString, string clusterId)
    {
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        var builder = CreateBuilder(clusterId, new()
        {
            [$"{OrleansOptions.SectionName}:SiloPort"] = Number(siloPort),
            [$"{OrleansOptions.SectionName}:GatewayPort"] = Number(gatewayPort),
        });
        builder.Services.AddSingrDatabase(connectionString, builder.Configuration);
        builder.UseOrleans(silo => silo.UseSingrCluster(builder.Configuration, connectionString));
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, $"silo 127.0.0.1:{Number(siloPort)} (gateway {Number(gatewayPort)})");
    }

    public static async Task<BenchSilo> StartFrontEndAsync(string connectionString, string clusterId)
    {
        var builder = CreateBuilder(clusterId, []);
        builder.UseOrleansClient(client => client.UseSingrCluster(builder.Configuration, connectionString));
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host, "front end (Orleans client, gateways from the membership table)");
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static HostApplicationBuilder CreateBuilder(string clusterId, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        settings[$"{OrleansOptions.SectionName}:ClusterId"] = clusterId;
        settings[$"{OrleansOptions.SectionName}:ServiceId"] = clusterId;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        // The silo's start-up notes (ServerGC advice, the watchdog on a busy machine) are not the figures' business.
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error).AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        return builder;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
