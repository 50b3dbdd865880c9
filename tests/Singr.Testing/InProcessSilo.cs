using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Singr.Silo.Hosting;

namespace Singr.Testing;

/// <summary>
/// A Singr silo in the test process, against a test database: what <c>Singr.Silo</c> runs (the database, the schema
/// check, ADO.NET clustering and reminders, Singr's grain storage) on free loopback ports, with extra services such as
/// test seams, and its grain factory to call grains as a front end would.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private InProcessSilo(IHost host, int siloPort, int gatewayPort)
    {
        _host = host;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the silo and returns once it is active in the cluster.</summary>
    /// <param name="configureServices">Extra services, e.g. a <see cref="PaidRequestInterruption"/> call filter.</param>
    /// <param name="settings">Configuration over the defaults (<c>Singr:Orleans:…</c> keys and the like).</param>
    public static async Task<InProcessSilo> StartAsync(
        string connectionString,
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var siloPort = FreePorts.Next();
        var gatewayPort = FreePorts.Next();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var configuration = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Singr:Orleans:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Singr:Orleans:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in TestMembership.Settings.Concat(settings ?? new Dictionary<string, string>()))
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        // No log output: tests assert what the silo did, and an ungraceful stop (CrashAsync) logs errors by design.
        builder.Logging.ClearProviders();
        builder.Services.AddSingrDatabase(connectionString, builder.Configuration);
        builder.UseOrleans(silo => silo.UseSingrCluster(builder.Configuration, connectionString));
        configureServices?.Invoke(builder.Services);

        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new InProcessSilo(host, siloPort, gatewayPort);
    }

    /// <summary>A graceful stop, as SIGTERM: the silo leaves the cluster and hands its grains over.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _host.StopAsync();
    }

    /// <summary>
    /// Stops the silo as abruptly as Orleans allows in process: an ungraceful stop (already cancelled) that neither waits
    /// for calls in progress nor deactivates grains; it only marks itself dead in the membership table, which a real crash
    /// leaves to the other silos' votes.
    /// </summary>
    public async Task CrashAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var already = new CancellationTokenSource();
        await already.CancelAsync();
        try
        {
            await _host.StopAsync(already.Token);
        }
        catch (OperationCanceledException)
        {
            // What an ungraceful stop may end with.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
