using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Singr.Grains.Interfaces.Runtime;
using Singr.Silo.Hosting;
using Singr.Silo.Runtime;

namespace Singr.Testing;

/// <summary>A silo hosted in the test process against a test database, started and stopped like the real one.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host) => _host = host;

    public IGrainFactory GrainFactory => _host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => _host.Services;

    public static async Task<TestSilo> StartAsync(
        TestDatabase database,
        Action<GrainTypeRegistry> registerGrains,
        Action<SiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingrDatabase(database.ConnectionString);
        builder.Services.AddSingrSilo(new ConfigurationBuilder().Build(), registerGrains, options =>
        {
            options.Address = $"test-silo-{Guid.NewGuid():N}";
            configure?.Invoke(options);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new TestSilo(host);
    }

    /// <summary>A graceful stop: in-flight calls finish, every activation deactivates, the membership row says stopped.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _host.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
