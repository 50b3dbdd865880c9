using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Singr.Grains.Interfaces.Runtime;
using Singr.Silo.Cluster;
using Singr.Silo.Forwarding;
using Singr.Silo.Hosting;
using Singr.Silo.Runtime;
using Singr.Silo.Streams;

namespace Singr.Testing;

/// <summary>
/// A silo (or front end) in the test process against a test database, with Kestrel on its own loopback port so other
/// silos can forward to it; started and stopped like the real one.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private TestSilo(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IGrainFactory GrainFactory => _app.Services.GetRequiredService<IGrainFactory>();

    public IEventStreams Streams => _app.Services.GetRequiredService<IEventStreams>();

    public IServiceProvider Services => _app.Services;

    public static async Task<TestSilo> StartAsync(
        TestDatabase database,
        Action<GrainTypeRegistry> registerGrains,
        Action<SiloOptions>? configure = null,
        string role = "silo",
        Action<ClusterOptions>? configureCluster = null,
        Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingrDatabase(database.ConnectionString, builder.Configuration);
        builder.Services.AddSingrCluster(
            builder.Configuration,
            registerGrains,
            options =>
            {
                options.Address = address.ToString().TrimEnd('/');
                // Fast enough for failover tests, lenient enough that a silo starved of CPU by a whole suite on two
                // cores is not declared dead for being slow.
                options.HeartbeatInterval = TimeSpan.FromMilliseconds(500);
                options.MissedHeartbeatsBeforeDead = 8;
                options.DrainGracePeriod = TimeSpan.FromSeconds(1);
                configure?.Invoke(options);
            },
            options =>
            {
                options.Role = role;
                options.MembershipRefreshInterval = TimeSpan.FromMilliseconds(500);
                configureCluster?.Invoke(options);
            });
        builder.Services.Configure<StreamOptions>(options => options.PollInterval = TimeSpan.FromMilliseconds(300));
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSingrInternalEndpoints();
        await app.StartAsync();
        return new TestSilo(app, address);
    }

    /// <summary>A graceful stop: the silo drains (activations deactivate, calls go elsewhere), then the server stops.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
